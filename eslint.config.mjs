import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      // Second build folders (NEXT_DIST_DIR) and the e2e/bench data folders.
      ".next-*/**",
      ".data/**",
      ".data-*/**",
      "bench/profiles/**",
      "lib/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  {
    rules: {
      // Configuration is read in one place (lib/env.ts); see docs/decisions.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts." },
      ],
    },
  },
  {
    files: [
      "lib/env.ts",
      "instrumentation.ts",
      "scripts/**",
      "e2e/**",
      "playwright.config.ts",
      // Build-time only: where a second build goes (NEXT_DIST_DIR).
      "next.config.ts",
      "vitest.config.ts",
      "prisma.config.ts",
      "lib/test-support/**",
      "**/*.test.ts",
      "simulator/**",
    ],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
