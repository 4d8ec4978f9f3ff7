import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * Playwright drives the system's Chromium (Debian's `chromium`), never a
 * browser downloaded by `playwright install`, which cannot reach its servers here.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return existsSync(configured) ? configured : null;
  for (const name of ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"]) {
    try {
      const found = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
      if (found) return found;
    } catch {
      // not on the PATH; try the next name
    }
  }
  return null;
}

export const NO_CHROMIUM_MESSAGE = `No Chromium found for the end-to-end tests.
Install Debian's Chromium:   apt-get update && apt-get install -y chromium
or point CHROMIUM_PATH at a Chromium or Chrome binary. (Do not run \`playwright install\`.)`;
