import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from "./e2e/support/chromium";
import { E2E } from "./e2e/support/environment";

const chromium = findChromium();
if (!chromium) throw new Error(NO_CHROMIUM_MESSAGE);

export default defineConfig({
  testDir: "e2e",
  // One server, one database: tests run one at a time and clean up after themselves.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL: E2E.baseUrl,
    trace: "retain-on-failure",
    launchOptions: { executablePath: chromium, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // The real `npm start` path against a fresh data folder: embedded PostgreSQL,
    // migrations, the simulator and demo accounts — on ports of its own.
    command: `rm -rf "${E2E.dataDir}" && npx tsx --conditions=react-server scripts/start.ts`,
    url: `${E2E.baseUrl}/api/ready`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      ...E2E.commandEnv,
      PORT: String(E2E.port),
      SIMULATOR_PORT: String(E2E.simulatorPort),
      NEXTAUTH_URL: E2E.baseUrl,
      // Short enough that the "RSA hangs" test ends quickly.
      RSA_TIMEOUT_MS: "2500",
      RSA_TOTAL_TIMEOUT_MS: "4000",
      // The outage banner test opens the circuit breaker on purpose and waits for the probe to close it.
      RSA_BREAKER_FAILURES: "4",
      RSA_BREAKER_PROBE_SECONDS: "2",
      NEXTAUTH_SECRET: "",
      AUTH_SECRET: "",
      RSA_OAUTH_ISSUER: "",
      RSA_OAUTH_CLIENT_ID: "",
      RSA_OAUTH_KEY_FILE: "",
    },
  },
});
