import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { ChildExit } from "../lib/process/child-exit";
import type { ListenPlan } from "./start-listen";

/**
 * The web server as a child of `npm start` (scripts/web-server.mjs: Next.js
 * behind a plain Node server that records the peer address and compresses
 * with brotli), and the wait until it answers.
 */

export const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const WEB_SERVER = path.join(process.cwd(), "scripts", "web-server.mjs");

export function spawnWebServer(port: number, plan: ListenPlan, env: NodeJS.ProcessEnv): ChildProcess {
  const args = [WEB_SERVER, "--port", String(port), ...(plan.host ? ["--host", plan.host] : [])];
  return spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit"], env });
}

/**
 * Resolves true once /api/health answers at the address the server listens
 * on, so the banner shows a URL that works; false if the server ends first or
 * does not answer in time.
 */
export async function waitUntilServing(localUrl: string, exited: Promise<ChildExit>, timeoutMs = 60_000) {
  let ended = false;
  void exited.then(() => (ended = true));
  const deadline = Date.now() + timeoutMs;
  while (!ended && Date.now() < deadline) {
    try {
      const response = await fetch(`${localUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return false;
}

/** The web server's environment: never the owner's database credentials, which only migrations need. */
export function webServerEnv(base: NodeJS.ProcessEnv, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...base, ...extra };
  delete env.DATABASE_OWNER_URL;
  return env;
}
