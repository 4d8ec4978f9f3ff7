import { get } from "node:http";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../../e2e/support/chromium";
import type { AppInstance } from "./stack";

/**
 * The desk's first-load JavaScript as e2e/bundle-weight.spec.ts measures it:
 * every script the desk ("/") loads in a fresh signed-in Chromium, fetched
 * again with Accept-Encoding: br and counted as the bytes on the wire.
 */
export interface FirstLoadFigures {
  bytes: number;
  scripts: number;
  biggest: string[];
}

function compressedBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "Accept-Encoding": "br" } }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () =>
        response.statusCode === 200 ? resolve(bytes) : reject(new Error(`${url} answered ${response.statusCode}`)),
      );
      response.on("error", reject);
    }).on("error", reject);
  });
}

export async function measureFirstLoad(app: AppInstance, cookie: string): Promise<FirstLoadFigures | null> {
  const executablePath = findChromium();
  if (!executablePath) return null;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const at = pair.indexOf("=");
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: app.url };
      }),
    );
    const page = await context.newPage();
    const scripts = new Set<string>();
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.add(response.url());
    });
    const response = await page.goto(`${app.url}/`, { waitUntil: "networkidle" });
    if (response?.status() !== 200 || new URL(page.url()).pathname !== "/")
      throw new Error(`the desk did not open (${response?.status()} at ${page.url()})`);
    await context.close();
    const sizes = await Promise.all(
      [...scripts].map(async (url) => ({ path: new URL(url).pathname, bytes: await compressedBytes(url) })),
    );
    sizes.sort((x, y) => y.bytes - x.bytes);
    return {
      bytes: sizes.reduce((sum, s) => sum + s.bytes, 0),
      scripts: sizes.length,
      biggest: sizes.slice(0, 5).map((s) => `${(s.bytes / 1024).toFixed(1)} KB ${s.path}`),
    };
  } finally {
    await browser.close();
  }
}
