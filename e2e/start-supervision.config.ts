import { defineConfig } from "@playwright/test";

/**
 * Runs only start-supervision.spec.ts, without the shared end-to-end server of
 * playwright.config.ts (that spec starts its own `npm start` on free ports):
 *   npx playwright test -c e2e/start-supervision.config.ts
 * The full suite (`npm run test:e2e`) runs the spec too.
 */
export default defineConfig({
  testDir: ".",
  testMatch: "start-supervision.spec.ts",
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  outputDir: "../test-results/start-supervision",
});
