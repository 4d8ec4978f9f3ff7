import { get } from "node:http";
import { expect, test } from "@playwright/test";
import { demoAccount, signIn } from "./support/fixtures";

/**
 * The desk's first-load JavaScript, as an agent's browser receives it from the
 * production build: every script of the first load of "/", fetched again with
 * Accept-Encoding: br and counted as the bytes on the wire.
 */

const BUDGET_BYTES = 170 * 1024;

interface Fetched {
  bytes: number;
  encoding: string | undefined;
}

/** The compressed body as sent (node:http does not decode, unlike Playwright's request API). */
function fetchCompressed(url: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "Accept-Encoding": "br" } }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => {
        if (response.statusCode !== 200) reject(new Error(`${url} answered ${response.statusCode}`));
        else resolve({ bytes, encoding: response.headers["content-encoding"] });
      });
      response.on("error", reject);
    }).on("error", reject);
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

test("the desk's first-load JavaScript is at most 170 KB with brotli", async ({ browser, page }) => {
  await signIn(page, demoAccount("agent"));
  // A fresh context with the session only: nothing comes from the browser's cache.
  const context = await browser.newContext({ storageState: await page.context().storageState() });
  const desk = await context.newPage();
  const scripts = new Set<string>();
  desk.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.add(response.url());
  });
  await desk.goto("/", { waitUntil: "networkidle" });
  await expect(desk.getByLabel("Serial number")).toBeFocused();
  await context.close();

  const sizes = await Promise.all(
    [...scripts].map(async (url) => ({ url: new URL(url).pathname, ...(await fetchCompressed(url)) })),
  );
  const notBrotli = sizes.filter((s) => s.bytes > 1024 && s.encoding !== "br");
  expect(notBrotli, "every script over 1 KB is sent with brotli").toEqual([]);

  const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
  const biggest = sizes
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 6)
    .map((s) => `${kb(s.bytes)} ${s.url}`);
  const summary = `${kb(total)} in ${sizes.length} scripts (budget ${kb(BUDGET_BYTES)}); biggest: ${biggest.join(", ")}`;
  test.info().annotations.push({ type: "first-load JavaScript (brotli)", description: summary });
  console.log(`Desk first-load JavaScript: ${summary}`);
  expect(scripts.size, "the desk loaded its scripts").toBeGreaterThan(0);
  expect(total, `first-load JavaScript: ${summary}`).toBeLessThanOrEqual(BUDGET_BYTES);
});
