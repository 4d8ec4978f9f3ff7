import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** Helpers for tests that need an extra, empty database on the test server. */

export function serverUrlFor(database: string): string {
  const u = new URL(inject("testServerUrl"));
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `tokendesk_test_empty_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrlFor("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0`);
  await admin.end();
  return {
    url: serverUrlFor(name),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrlFor("postgres") });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
