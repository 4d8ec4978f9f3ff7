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
const OAUTH_VARIABLES = ["RSA_OAUTH_ISSUER", "RSA_OAUTH_CLIENT_ID", "RSA_OAUTH_KEY_FILE", "RSA_ADMIN_API_URL"];

export function withSimulatedTenant(
  options: { timeoutMs?: number; totalTimeoutMs?: number; credential?: "legacy-key" | "oauth" } = {},
) {
  const tenant = simulatedTenant();
  beforeAll(() => {
    const sim = tenant.sim();
    if (options.credential === "oauth") {
      // Live verification (call 16) is for OAuth clients only.
      Object.assign(process.env, {
        RSA_OAUTH_ISSUER: sim.oauth.issuer,
        RSA_OAUTH_CLIENT_ID: sim.oauth.clientId,
        RSA_OAUTH_KEY_FILE: sim.oauth.keyFile,
        RSA_ADMIN_API_URL: sim.adminRestApiUrl,
      });
    } else {
      process.env.RSA_ADMIN_KEY_FILE = sim.legacyKeyFile;
    }
    if (options.timeoutMs) process.env.RSA_TIMEOUT_MS = String(options.timeoutMs);
    if (options.totalTimeoutMs) process.env.RSA_TOTAL_TIMEOUT_MS = String(options.totalTimeoutMs);
    resetEnvCache();
    resetRsaClient();
  });
  // A fresh client per test: a test that makes RSA fail must not leave the next one a tripped breaker.
  beforeEach(() => resetRsaClient());
  afterAll(() => {
    delete process.env.RSA_ADMIN_KEY_FILE;
    for (const name of OAUTH_VARIABLES) delete process.env[name];
    resetEnvCache();
    resetRsaClient();
  });
  return {
    get sim(): RunningSimulator {
      return tenant.sim();
    },
  };
}
