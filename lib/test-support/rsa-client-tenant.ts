import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { parseEnv } from "@/lib/env";
import { createRsaClient, type RsaClient } from "@/lib/rsa/client";
import { loadRsaConfig } from "@/lib/rsa/config";
import type { TransportOptions } from "@/lib/rsa/transport";
import { startSimulator, type LegacyUrlForm, type RunningSimulator } from "@/simulator/index";

/** The three ways tokendesk authenticates; contract tests run for each. */
export const CLIENT_KINDS = ["legacy key", "OAuth client (RSA key)", "OAuth client (EC key)"] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

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
  // A client whose circuit opened keeps probing in the background: stop each test's clients after it.
  const made: RsaClient[] = [];
  afterEach(() => {
    for (const client of made.splice(0)) client.close();
  });
  afterAll(async () => holder.sim?.close());
  const keep = (client: RsaClient) => {
    made.push(client);
    return client;
  };

  const sim = () => {
    if (!holder.sim) throw new Error("simulator not started");
    return holder.sim;
  };
  return {
    sim,
    /** A legacy-key client; `form` picks the key file whose adminRestApiUrl has that form (default "/v1"). */
    legacyClient(
      vars: Record<string, string> = {},
      options: TransportOptions = {},
      form: LegacyUrlForm = "v1",
    ): RsaClient {
      return keep(
        createRsaClient(loadRsaConfig(parseEnv({ RSA_ADMIN_KEY_FILE: sim().legacyKeyFiles[form], ...vars })), options),
      );
    },
    /** A client of the given kind (see CLIENT_KINDS). */
    client(kind: ClientKind, vars: Record<string, string> = {}, options: TransportOptions = {}): RsaClient {
      if (kind === "legacy key") return this.legacyClient(vars, options);
      return this.oauthClient(kind === "OAuth client (RSA key)" ? "rsa" : "ec", vars, options);
    },
    /** Stops a client's background probe after the test (for clients made without this helper). */
    track: keep,
    oauthClient(kind: "rsa" | "ec", vars: Record<string, string> = {}, options: TransportOptions = {}): RsaClient {
      const s = sim();
      const client = kind === "rsa" ? s.oauth : s.oauthEc;
      return keep(
        createRsaClient(
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
        ),
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
