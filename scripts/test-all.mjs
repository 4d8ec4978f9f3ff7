// npm test — lint, types and formatting, then every test: unit and integration
// (Vitest), a production build, then end-to-end (Playwright with the system's
// Chromium). Ends with one "N passed, N failed" line.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, mkdirSync } from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const results = { passed: 0, failed: 0 };

function step(title, command, args) {
  console.log(`\n=== ${title}\n`);
  const run = spawnSync(command, args, { stdio: "inherit", env });
  return run.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const chromiumCheck = spawnSync(
  "npx",
  [
    "tsx",
    "-e",
    "import('./e2e/support/chromium.ts').then(m => { if (!m.findChromium()) { console.error(m.NO_CHROMIUM_MESSAGE); process.exit(3); } })",
  ],
  { stdio: "inherit", env },
);
if (chromiumCheck.status !== 0) process.exit(1);

rmSync("test-results", { recursive: true, force: true });
mkdirSync("test-results", { recursive: true });

// The code's own checks first (quick): a failure is reported but the tests still run.
const checks = [
  ["Lint (ESLint)", "npx", ["eslint", "."]],
  ["Types (tsc)", "npx", ["tsc", "--noEmit"]],
  ["Formatting (Prettier)", "npx", ["prettier", "--check", "."]],
].map(([title, command, args]) => step(title, command, args));
const checksFailed = checks.filter((code) => code !== 0).length;
results.failed += checksFailed;

const unit = step("Unit and integration tests (Vitest)", "npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=test-results/unit-results.json",
]);
const unitJson = readJson("test-results/unit-results.json");
results.passed += unitJson?.numPassedTests ?? 0;
results.failed += unitJson?.numFailedTests ?? (unit === 0 ? 0 : 1);

let e2e = 1;
const build = step("Production build", "npx", ["next", "build"]);
if (build === 0) {
  e2e = step("End-to-end tests (Playwright, Chromium)", "npx", ["playwright", "test"]);
  const e2eJson = readJson("test-results/e2e-results.json");
  results.passed += e2eJson?.stats?.expected ?? 0;
  results.failed += (e2eJson?.stats?.unexpected ?? (e2e === 0 ? 0 : 1)) + (e2eJson?.stats?.flaky ?? 0);
} else {
  results.failed += 1;
}

const ok = checksFailed === 0 && unit === 0 && build === 0 && e2e === 0 && existsSync("test-results");
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(ok && results.failed === 0 ? 0 : 1);
