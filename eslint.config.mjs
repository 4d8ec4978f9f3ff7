import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      ".data-e2e/**",
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
