import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A PostgreSQL of a test's own that several tokendesk instances share, as
 * they would share a database server in production. The server runs in a
 * child process (shared-postgres-process.ts) because lib/db is server-only
 * code that the Playwright runner cannot load. Stop it in a `finally`.
 */
export interface SharedPostgres {
  /** The tables' owner (a superuser of this server): DATABASE_OWNER_URL. */
  ownerUrl: string;
  /** The web servers' own login role, with no privileges until a migrate grants them: DATABASE_URL. */
  appUrl: string;
  /** A query as the owner. */
  query<T extends Record<string, unknown>>(sql: string, values?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

const TSX_CLI = path.resolve("node_modules", "tsx", "dist", "cli.mjs");
const SCRIPT = path.resolve("e2e", "support", "shared-postgres-process.ts");

export async function startSharedPostgres(timeoutMs = 60_000): Promise<SharedPostgres> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "tokendesk-e2e-shared-pg-"));
  const child = spawn(process.execPath, [TSX_CLI, "--conditions=react-server", SCRIPT, dataDir], {
    detached: true,
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, LOG_LEVEL: "warn" },
  });
  let output = "";
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM"); // it stops PostgreSQL (fast shutdown) and exits
      const ended = await Promise.race([exited.then(() => true), delay(25_000).then(() => false)]);
      if (!ended) process.kill(-child.pid!, "SIGKILL");
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  let urls: { ownerUrl: string; appUrl: string };
  try {
    urls = await new Promise((resolve, reject) => {
      let stdout = "";
      const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start in time:\n${output}`)), timeoutMs);
      child.stdout!.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const line = stdout.split("\n").find((l) => l.startsWith("{"));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line) as { ownerUrl: string; appUrl: string });
        }
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`PostgreSQL's process ended before it was ready:\n${output}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    ...urls,
    async query<T extends Record<string, unknown>>(sql: string, values: unknown[] = []) {
      const client = new pg.Client({ connectionString: urls.ownerUrl });
      await client.connect();
      try {
        return (await client.query<T>(sql, values)).rows;
      } finally {
        await client.end();
      }
    },
    stop,
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
