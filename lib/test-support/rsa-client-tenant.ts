import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { parseEnv } from "@/lib/env";
import { createRsaClient, type RsaClient } from "@/lib/rsa/client";
import { loadRsaConfig } from "@/lib/rsa/config";
import type { TransportOptions } from "@/lib/rsa/transport";
import { startSimulator, type RunningSimulator } from "@/simulator/index";

/**
 * For the client's own tests: one simulator per file over real HTTP, reset
 * before each test, and clients built from explicit configuration (not the
 * process environment).
 */
export function simulatedTenant() {
  const holder: { sim?: RunningSimulator } = {};
  beforeAll(async () => {
    holder.sim = await startSimulator({ port: 0, keyDir: await mkdtemp(path.join(tmpdir(), "tokendesk-rsa-")) });
  });
  beforeEach(() => holder.sim?.reset());
  afterAll(async () => holder.sim?.close());

  const sim = () => {
    if (!holder.sim) throw new Error("simulator not started");
    return holder.sim;
  };
  return {
    sim,
    legacyClient(vars: Record<string, string> = {}, options: TransportOptions = {}): RsaClient {
      return createRsaClient(loadRsaConfig(parseEnv({ RSA_ADMIN_KEY_FILE: sim().legacyKeyFile, ...vars })), options);
    },
    oauthClient(kind: "rsa" | "ec", vars: Record<string, string> = {}, options: TransportOptions = {}): RsaClient {
      const s = sim();
      const client = kind === "rsa" ? s.oauth : s.oauthEc;
      return createRsaClient(
        loadRsaConfig(
          parseEnv({
            RSA_OAUTH_ISSUER: s.oauth.issuer,
            RSA_OAUTH_CLIENT_ID: client.clientId,
            RSA_OAUTH_KEY_FILE: client.keyFile,
            RSA_ADMIN_API_URL: s.adminRestApiUrl,
            ...vars,
          }),
        ),
        options,
      );
    },
  };
}

/** Awaits a promise that must reject with an RsaError, and returns it. */
export async function rsaFailure(promise: Promise<unknown>) {
  const { RsaError } = await import("@/lib/rsa/errors");
  try {
    await promise;
  } catch (error) {
    if (error instanceof RsaError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}
