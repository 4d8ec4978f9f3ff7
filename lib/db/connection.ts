import "server-only";
import path from "node:path";
import pg from "pg";
import { env, EnvError } from "@/lib/env";
import { readOrCreateSecret } from "@/lib/local-secret";
import { EMBEDDED_APP_PASSWORD_FILE, EMBEDDED_APP_ROLE } from "@/lib/db/app-role";
import { EMBEDDED_OWNER, embeddedUrl, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import type { ChildExit } from "@/lib/process/child-exit";

export const EMBEDDED_DATABASE_NAME = "tokendesk";

/**
 * The database a command should use, as two connections: the owner's, which
 * migrates and grants, and the web server's, which only gets the grants
 * (lib/db/app-role-grants.ts). From DATABASE_OWNER_URL and DATABASE_URL; with
 * only DATABASE_URL both are the same (the setup before roles were split);
 * with neither, the embedded PostgreSQL in the data folder — reusing the one
 * `npm start` is running, or starting it for the length of the command.
 */
export interface ResolvedDatabase {
  embedded: boolean;
  ownerUrl: string;
  /** Names where the connection came from in messages: "DATABASE_OWNER_URL", "the embedded database"… */
  ownerSource: string;
  appUrl: string;
  appSource: string;
  /** Embedded only: the login role prepareDatabase creates for the web server. */
  appRole?: { name: string; password: string };
  /** Set when this call started PostgreSQL: resolves if it ends. */
  exited?: Promise<ChildExit>;
  /** Embedded only, when started here: PostgreSQL's own folder. */
  clusterDir?: string;
  stop(): Promise<void>;
}

export async function resolveDatabase(log?: (line: string) => void): Promise<ResolvedDatabase> {
  const e = env();
  if (e.DATABASE_OWNER_URL && !e.DATABASE_URL) {
    throw new EnvError([
      "DATABASE_OWNER_URL is set but DATABASE_URL is not: set DATABASE_URL to the web server's own role (README: Database roles), or unset both for the embedded database",
    ]);
  }
  if (e.DATABASE_URL) {
    const separate = Boolean(e.DATABASE_OWNER_URL);
    return {
      embedded: false,
      ownerUrl: e.DATABASE_OWNER_URL ?? e.DATABASE_URL,
      ownerSource: separate ? "DATABASE_OWNER_URL" : "DATABASE_URL",
      appUrl: e.DATABASE_URL,
      appSource: "DATABASE_URL",
      stop: async () => {},
    };
  }

  const dataDir = path.resolve(e.DATA_DIR);
  const port = e.EMBEDDED_PG_PORT;
  const appPassword = await readOrCreateSecret(dataDir, EMBEDDED_APP_PASSWORD_FILE, 18);
  const embedded = (ownerUrl: string) => ({
    embedded: true,
    ownerUrl,
    ownerSource: "the embedded database",
    appUrl: embeddedUrl(EMBEDDED_APP_ROLE, appPassword, port, EMBEDDED_DATABASE_NAME),
    appSource: "the embedded database",
    appRole: { name: EMBEDDED_APP_ROLE, password: appPassword },
  });

  const running = await runningOwnerUrl(dataDir, port);
  if (running) return { ...embedded(running), stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir, port, database: EMBEDDED_DATABASE_NAME, log });
  return { ...embedded(server.url), exited: server.exited, clusterDir: server.clusterDir, stop: server.stop };
}

/** The owner's connection to an embedded PostgreSQL already running on this data folder, if one answers. */
async function runningOwnerUrl(dataDir: string, port: number): Promise<string | undefined> {
  const { readFile } = await import("node:fs/promises");
  let password: string;
  try {
    password = (await readFile(path.join(dataDir, "pg-password"), "utf8")).trim();
  } catch {
    return undefined;
  }
  const client = new pg.Client({
    connectionString: embeddedUrl(EMBEDDED_OWNER, password, port, "postgres"),
    connectionTimeoutMillis: 1500,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    return embeddedUrl(EMBEDDED_OWNER, password, port, EMBEDDED_DATABASE_NAME);
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}
