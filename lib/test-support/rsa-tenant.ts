import { afterAll, beforeAll, beforeEach } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { resetRsaClient } from "@/lib/rsa/client";
import type { RunningSimulator } from "@/simulator/index";
import { simulatedTenant } from "@/lib/test-support/rsa-client-tenant";

/**
 * The simulator of simulatedTenant() (real HTTP on a free port, reset before
 * each test), with tokendesk's own RSA client — the one the app uses —
 * pointed at it through the environment and a legacy key file.
 */
export function withSimulatedTenant(options: { timeoutMs?: number; totalTimeoutMs?: number } = {}) {
  const tenant = simulatedTenant();
  beforeAll(() => {
    process.env.RSA_ADMIN_KEY_FILE = tenant.sim().legacyKeyFile;
    if (options.timeoutMs) process.env.RSA_TIMEOUT_MS = String(options.timeoutMs);
    if (options.totalTimeoutMs) process.env.RSA_TOTAL_TIMEOUT_MS = String(options.totalTimeoutMs);
    resetEnvCache();
    resetRsaClient();
  });
  // A fresh client per test: a test that makes RSA fail must not leave the next one a tripped breaker.
  beforeEach(() => resetRsaClient());
  afterAll(() => {
    delete process.env.RSA_ADMIN_KEY_FILE;
    resetEnvCache();
    resetRsaClient();
  });
  return {
    get sim(): RunningSimulator {
      return tenant.sim();
    },
  };
}
