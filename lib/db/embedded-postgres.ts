import "server-only";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, open, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { readOrCreateSecret } from "@/lib/local-secret";
import { planEmbeddedLayout } from "@/lib/db/embedded-postgres-layout";
import { binPath, packagedPostgres, type PostgresBinaries } from "@/lib/db/postgres-binaries";
import { postgresRunAs } from "@/lib/db/postgres-system-user";
import { explainEarlyExit, waitUntilAccepting } from "@/lib/db/embedded-postgres-start";
import { childExit, describeExit, stopChild, type ChildExit } from "@/lib/process/child-exit";
import { assertCanListen } from "@/lib/process/port-check";

/**
 * The PostgreSQL that `npm start` runs when no DATABASE_URL is configured: real
 * PostgreSQL programs from an npm package, data under the data folder,
 * listening on loopback only. We run the programs ourselves rather than
 * through embedded-postgres's class (docs/decisions/0007): its programs'
 * location is fixed, it takes over SIGINT/SIGTERM, and its server process
 * cannot be watched.
 */
export interface EmbeddedDatabase {
  url: string;
  /** Connection string for another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
  /** Resolves when the server process ends, whoever ended it. */
  exited: Promise<ChildExit>;
  /** PostgreSQL's own folder (normally DATA_DIR/pg). */
  clusterDir: string;
  /** Its log, rewritten at each start. */
  logFile: string;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
  /** Tests: where programs and data go when the postgres user cannot reach the usual places. */
  systemDir?: string;
  /** Tests: the programs to use instead of the npm package's. */
  binaries?: PostgresBinaries;
}

/** The embedded server's superuser, which owns the tables (the web server gets a role of its own). */
export const EMBEDDED_OWNER = "tokendesk";

export function embeddedUrl(user: string, password: string, port: number, database: string): string {
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const log = options.log ?? (() => {});
  await mkdir(dataDir, { recursive: true });
  // Traversable but not listable: when running as root, PostgreSQL runs as the
  // `postgres` user and must reach its folder; our secrets in here stay 0600.
  await chmod(dataDir, 0o711);
  const password = await readOrCreateSecret(dataDir, "pg-password", 18);
  await assertCanListen({
    port: options.port,
    host: "127.0.0.1",
    what: "the embedded PostgreSQL",
    portVariable: "EMBEDDED_PG_PORT",
  });
  const runAs = postgresRunAs();
  const layout = await planEmbeddedLayout({
    dataDir,
    runAs,
    packaged: options.binaries ?? (await packagedPostgres()),
    systemDir: options.systemDir,
  });
  layout.notes.forEach(log);
  const { clusterDir, binaries } = layout;

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await initialise(binaries, clusterDir, password, runAs);

  const logFile = path.join(dataDir, "postgres.log");
  const logHandle = await open(logFile, "w", 0o600);
  const server = spawn(
    binPath(binaries, "postgres"),
    // lc_messages=C: the log is read back to explain a failed start.
    ["-D", clusterDir, "-p", String(options.port)].concat(
      ["listen_addresses=127.0.0.1", "unix_socket_directories=", "lc_messages=C"].flatMap((s) => ["-c", s]),
    ),
    { ...runAs, stdio: ["ignore", logHandle.fd, logHandle.fd], cwd: "/" },
  );
  await logHandle.close();
  const exited = childExit(server);
  // If this process exits without stopping it (an uncaught error), PostgreSQL still gets its fast shutdown.
  const stopOnExit = () => server.kill("SIGINT");
  process.on("exit", stopOnExit);
  void exited.then(() => process.off("exit", stopOnExit));
  const stop = async () => {
    await stopChild(server, { signal: "SIGINT", graceMs: 20_000 });
  };

  const url = (db: string) => embeddedUrl(EMBEDDED_OWNER, password, options.port, db);
  try {
    await waitUntilAccepting(url("postgres"), exited);
    await createDatabase(url("postgres"), options.database);
  } catch (error) {
    await stop();
    const exit = await exited;
    throw new Error(
      (await explainEarlyExit(logFile, options.port, clusterDir)) ??
        `The embedded PostgreSQL (data in ${clusterDir}) did not start: ${(error as Error).message} (the server ${describeExit(exit)}; see ${logFile}).`,
    );
  }
  return { url: url(options.database), urlFor: url, stop, exited, clusterDir, logFile };
}

async function initialise(
  binaries: PostgresBinaries,
  clusterDir: string,
  password: string,
  runAs: ReturnType<typeof postgresRunAs>,
): Promise<void> {
  await mkdir(clusterDir, { recursive: true });
  await chmod(clusterDir, 0o700);
  // initdb reads the superuser's password from a file only it may read, beside the cluster.
  const passwordFile = path.join(path.dirname(clusterDir), `.initdb-${randomBytes(6).toString("hex")}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    await chown(clusterDir, runAs.uid, runAs.gid);
    await chown(passwordFile, runAs.uid, runAs.gid);
  }
  try {
    const initdb = spawn(
      binPath(binaries, "initdb"),
      [
        `--pgdata=${clusterDir}`,
        "--auth=password",
        `--username=${EMBEDDED_OWNER}`,
        `--pwfile=${passwordFile}`,
        "--encoding=UTF8",
        "--lc-messages=C",
      ],
      { ...runAs, stdio: ["ignore", "ignore", "pipe"], cwd: "/" },
    );
    let output = "";
    initdb.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const exit = await childExit(initdb);
    if (exit.code !== 0) {
      const detail = output.trim().split("\n").filter(Boolean).pop() ?? describeExit(exit);
      throw new Error(`Creating the embedded PostgreSQL database in ${clusterDir} failed: ${detail}`);
    }
  } finally {
    await unlink(passwordFile).catch(() => {});
  }
}

async function createDatabase(adminUrl: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }
}
