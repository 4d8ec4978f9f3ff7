import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../db/embedded-postgres";
import { migrate } from "../db/migrations";
import { freePort } from "./free-port";

/**
 * One PostgreSQL for the whole run: TEST_DATABASE_URL (any server, e.g. the
 * machine's PostgreSQL 15) or an embedded one in a temporary folder. A migrated
 * template database is made once; each test file clones it (lib/test-support/setup-file.ts).
 */

export const TEMPLATE_DATABASE = "tokendesk_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let dataDir: string | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    dataDir = await mkdtemp(path.join(tmpdir(), "tokendesk-test-pg-"));
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: "postgres" });
    serverUrl = embedded.url;
  }

  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  // Leftovers of an interrupted run against a shared server.
  const stale = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'tokendesk_test_%'",
  );
  for (const row of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  await migrate(withDatabase(serverUrl, TEMPLATE_DATABASE));
  await admin.end();

  project.provide("testServerUrl", serverUrl);

  return async () => {
    if (process.env.TEST_DATABASE_URL) {
      const cleanup = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
      await cleanup.connect();
      const left = await cleanup.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'tokendesk_test_%'",
      );
      for (const row of left.rows) await cleanup.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
      await cleanup.end();
    }
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
