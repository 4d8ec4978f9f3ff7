import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from "./support/chromium";

/**
 * Runs only sso.spec.ts, without the shared end-to-end server of
 * playwright.config.ts (the spec starts its own identity provider and its own
 * tokendesk instances on free ports). Needs a production build, e.g.:
 *   NEXT_DIST_DIR=.next-sso npx next build
 *   NEXT_DIST_DIR=.next-sso npx playwright test -c e2e/sso.config.ts
 * The full suite (`npm run test:e2e`) runs the spec too.
 */
const chromium = findChromium();
if (!chromium) throw new Error(NO_CHROMIUM_MESSAGE);

export default defineConfig({
  testDir: ".",
  testMatch: "sso.spec.ts",
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  outputDir: "../test-results/sso",
  use: {
    trace: "retain-on-failure",
    launchOptions: { executablePath: chromium, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
});
