import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeEach, inject, vi } from "vitest";
import { resetEnvCache } from "../env";
import { disconnectDb } from "../db";
import { closePgPool } from "../db/pg-pool";

/**
 * Runs before each test file: gives the file its own database cloned from the
 * migrated template, so test files never see each other's rows, and makes an
 * unexpected console.error fail the test that caused it.
 */

const serverUrl = inject("testServerUrl");
const databaseName = `tokendesk_test_${randomBytes(6).toString("hex")}`;

function urlFor(database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

const admin = new pg.Client({ connectionString: urlFor("postgres") });
await admin.connect();
await admin.query(`CREATE DATABASE "${databaseName}" TEMPLATE "tokendesk_test_template"`);
await admin.end();

process.env.DATABASE_URL = urlFor(databaseName);
process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
process.env.AUDIT_HMAC_KEY ??= randomBytes(32).toString("hex");
resetEnvCache();

beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
  });
});

afterAll(async () => {
  await disconnectDb();
  await closePgPool();
  const cleanup = new pg.Client({ connectionString: urlFor("postgres") });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  await cleanup.end();
});
