import "server-only";
import path from "node:path";
import pg from "pg";
import { env } from "@/lib/env";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";

export const EMBEDDED_DATABASE_NAME = "tokendesk";

/**
 * The database a command should use: DATABASE_URL when set, otherwise the
 * embedded PostgreSQL in the data folder — reusing the one `npm start` is
 * running, or starting it for the length of the command.
 */
export async function resolveDatabase(
  log?: (line: string) => void,
): Promise<{ url: string; stop(): Promise<void>; embedded: boolean }> {
  const e = env();
  if (e.DATABASE_URL) return { url: e.DATABASE_URL, stop: async () => {}, embedded: false };
  let running: EmbeddedDatabase | undefined;
  const options = {
    dataDir: path.resolve(e.DATA_DIR),
    port: e.EMBEDDED_PG_PORT,
    database: EMBEDDED_DATABASE_NAME,
    log,
  };
  if (await isReachable(options.dataDir, options.port)) {
    running = await connectToRunning(options.dataDir, options.port);
    return { url: running.url, stop: async () => {}, embedded: true };
  }
  running = await startEmbeddedPostgres(options);
  return { url: running.url, stop: () => running!.stop(), embedded: true };
}

async function connectToRunning(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const { readFile } = await import("node:fs/promises");
  const password = (await readFile(path.join(dataDir, "pg-password"), "utf8")).trim();
  const url = (db: string) => `postgresql://tokendesk:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
  return { url: url(EMBEDDED_DATABASE_NAME), urlFor: url, stop: async () => {} };
}

async function isReachable(dataDir: string, port: number): Promise<boolean> {
  try {
    const running = await connectToRunning(dataDir, port);
    const client = new pg.Client({ connectionString: running.urlFor("postgres"), connectionTimeoutMillis: 1500 });
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
