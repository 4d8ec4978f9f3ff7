import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../lib/test-support/free-port";
import { BUILD_DIR } from "./support/environment";

/**
 * `npm start` as an operator runs it, on ports and a data folder of its own:
 * when its web server is killed, everything it started stops and it exits
 * non-zero (so systemd, Docker or a shell loop can restart it) instead of
 * hanging with PostgreSQL and the simulator still running.
 */

const TSX_CLI = path.resolve("node_modules", "tsx", "dist", "cli.mjs");

/** The process under `root` (children, grandchildren…) whose command line matches. */
function findDescendant(root: number, matches: (cmdline: string) => boolean): number | undefined {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // ended meanwhile
    }
  }
  const isUnderRoot = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === root) return true;
    return false;
  };
  for (const pid of parents.keys()) {
    if (!isUnderRoot(pid)) continue;
    try {
      if (matches(readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim())) return pid;
    } catch {
      // ended meanwhile
    }
  }
  return undefined;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

test("when the web server is killed, npm start stops PostgreSQL and the simulator and exits non-zero", async () => {
  expect(existsSync(`${BUILD_DIR}/BUILD_ID`), "needs the production build (npm run build)").toBe(true);
  test.setTimeout(60_000);
  const dataDir = await mkdtemp(path.join(tmpdir(), "tokendesk-e2e-supervision-"));
  const ports = { web: await freePort(), postgres: await freePort(), simulator: await freePort() };
  const start = spawn(process.execPath, [TSX_CLI, "--conditions=react-server", "scripts/start.ts"], {
    // Its own process group, so that whatever happens the cleanup below can end all of it.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(ports.web),
      EMBEDDED_PG_PORT: String(ports.postgres),
      SIMULATOR_PORT: String(ports.simulator),
      DATA_DIR: dataDir,
      ...Object.fromEntries(
        [
          "HOST",
          "DATABASE_URL",
          "DATABASE_OWNER_URL",
          "NEXTAUTH_URL",
          "NEXTAUTH_SECRET",
          "AUTH_SECRET",
          "RSA_ADMIN_KEY_FILE",
          "RSA_OAUTH_ISSUER",
          "RSA_OAUTH_CLIENT_ID",
          "RSA_OAUTH_KEY_FILE",
        ].map((name) => [name, ""]),
      ),
    },
  });
  let output = "";
  start.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  start.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => start.once("exit", (code) => resolve(code)));

  try {
    await Promise.race([
      expect.poll(() => output, { timeout: 40_000 }).toContain("Press Ctrl+C to stop."),
      exited.then((code) => {
        throw new Error(`npm start exited (code ${code}) before serving:\n${output}`);
      }),
    ]);
    const response = await fetch(`http://127.0.0.1:${ports.web}/api/health`);
    expect(response.status).toBe(200);

    // `next start` renames itself "next-server (vX)"; a custom server script keeps its command line.
    const webServer = findDescendant(start.pid!, (cmdline) => /^next-server|next start|web-server\.mjs/.test(cmdline));
    expect(webServer, "the next start process").toBeDefined();
    process.kill(webServer!, "SIGKILL");

    const code = await Promise.race([exited, new Promise<"hung">((r) => setTimeout(() => r("hung"), 15_000))]);
    expect(code, output).not.toBe("hung");
    expect(code).not.toBe(0);
    expect(output).toContain("The web server was killed by SIGKILL; stopping tokendesk.");
    expect(await portIsFree(ports.postgres), "the embedded PostgreSQL's port").toBe(true);
    expect(await portIsFree(ports.simulator), "the simulator's port").toBe(true);
    expect(findDescendant(start.pid!, () => true)).toBeUndefined();
  } finally {
    if (start.exitCode === null && start.signalCode === null) process.kill(-start.pid!, "SIGKILL");
    await rm(dataDir, { recursive: true, force: true });
  }
});
