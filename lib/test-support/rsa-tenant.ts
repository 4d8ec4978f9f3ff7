import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { startSimulator, type RunningSimulator } from "@/simulator/index";
import { resetEnvCache } from "@/lib/env";
import { resetRsaClient } from "@/lib/rsa/client";

/**
 * Starts the RSA simulator for a test file (real HTTP on a free port) and
 * points tokendesk's RSA client at it with a legacy key file. Resets the
 * tenant to its seed before each test.
 */
export function withSimulatedTenant(options: { timeoutMs?: number; totalTimeoutMs?: number } = {}) {
  const holder: { sim?: RunningSimulator } = {};
  beforeAll(async () => {
    const keyDir = await mkdtemp(path.join(tmpdir(), "tokendesk-sim-"));
    holder.sim = await startSimulator({ port: 0, keyDir });
    process.env.RSA_ADMIN_KEY_FILE = holder.sim.legacyKeyFile;
    if (options.timeoutMs) process.env.RSA_TIMEOUT_MS = String(options.timeoutMs);
    if (options.totalTimeoutMs) process.env.RSA_TOTAL_TIMEOUT_MS = String(options.totalTimeoutMs);
    resetEnvCache();
    resetRsaClient();
  });
  beforeEach(() => holder.sim?.reset());
  afterAll(async () => {
    await holder.sim?.close();
    delete process.env.RSA_ADMIN_KEY_FILE;
    resetEnvCache();
    resetRsaClient();
  });
  return {
    get sim(): RunningSimulator {
      if (!holder.sim) throw new Error("simulator not started");
      return holder.sim;
    },
  };
}
