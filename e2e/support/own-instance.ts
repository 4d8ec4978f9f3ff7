import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";
import { freePort } from "../../lib/test-support/free-port";

/**
 * A tokendesk of a test's own: `npm start` (scripts/start.ts) on free ports
 * with its own data folder, for tests that need a differently configured
 * instance (single sign-on, a second instance on a shared database) beside
 * the shared end-to-end server. Stop it in a `finally`.
 */

const TSX_CLI = path.resolve("node_modules", "tsx", "dist", "cli.mjs");

/** Variables of the developer's shell that must not leak into an instance a test configures itself. */
const CLEARED = [
  "HOST",
  "DATABASE_URL",
  "DATABASE_OWNER_URL",
  "NEXTAUTH_URL",
  "NEXTAUTH_SECRET",
  "AUTH_SECRET",
  "AUDIT_HMAC_KEY",
  "AUDIT_HMAC_KEY_FILE",
  "RSA_ADMIN_KEY_FILE",
  "RSA_OAUTH_ISSUER",
  "RSA_OAUTH_CLIENT_ID",
  "RSA_OAUTH_KEY_FILE",
];

export interface OwnInstance {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Demo account passwords (demo mode only). */
  demoAccount(role: "agent" | "supervisor" | "admin"): { email: string; password: string };
  stop(): Promise<void>;
}

export async function startOwnInstance(
  options: { env?: Record<string, string>; dataDir?: string; port?: number; timeoutMs?: number } = {},
): Promise<OwnInstance> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), "tokendesk-e2e-instance-")));
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [TSX_CLI, "--conditions=react-server", "scripts/start.ts"], {
    // Its own process group, so stop() can end all of it whatever state it is in.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...Object.fromEntries(CLEARED.map((name) => [name, ""])),
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      SIMULATOR_PORT: String(await freePort()),
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      ...options.env,
    },
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid!, "SIGTERM");
      const ended = await Promise.race([
        exited.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 10_000)),
      ]);
      if (!ended) process.kill(-child.pid!, "SIGKILL");
    }
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await Promise.race([
      expect.poll(() => output, { timeout: options.timeoutMs ?? 60_000 }).toContain("Press Ctrl+C to stop."),
      exited.then((code) => {
        throw new Error(`npm start exited (code ${code}) before serving:\n${output}`);
      }),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `http://localhost:${port}`,
    port,
    dataDir,
    process: child,
    output: () => output,
    demoAccount(role) {
      const saved = JSON.parse(readFileSync(path.join(dataDir, "demo-accounts.json"), "utf8")) as Record<
        string,
        string
      >;
      const email = `${role}@demo.tokendesk.example`;
      return { email, password: saved[email]! };
    },
    stop,
  };
}
