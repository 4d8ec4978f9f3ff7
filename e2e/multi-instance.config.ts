import { defineConfig } from "@playwright/test";

/**
 * Runs only multi-instance.spec.ts, without the shared end-to-end server of
 * playwright.config.ts (that spec starts its own PostgreSQL, simulator and two
 * `npm start`s on free ports):
 *   npx playwright test -c e2e/multi-instance.config.ts
 * The full suite (`npm run test:e2e`) runs the spec too.
 */
export default defineConfig({
  testDir: ".",
  testMatch: "multi-instance.spec.ts",
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  outputDir: "../test-results/multi-instance",
});
