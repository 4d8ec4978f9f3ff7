import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      // `server-only` throws outside React Server Components; tests are server code.
      { find: /^server-only$/, replacement: `${root}lib/test-support/server-only-stub.ts` },
    ],
  },
  test: {
    include: ["{lib,simulator,scripts,app}/**/*.test.ts"],
    globalSetup: ["lib/test-support/global-setup.ts"],
    setupFiles: ["lib/test-support/setup-file.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: "test", LOG_LEVEL: "silent" },
  },
});
