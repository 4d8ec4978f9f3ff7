import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/db";

/**
 * A plain node-postgres pool beside Prisma, for the hot and bulk paths where
 * Prisma's per-query overhead shows: audit appends (group commit) and exports
 * streaming a million rows. Re-created if the configured URL changes (tests).
 */
const globalForPool = globalThis as unknown as { tokendeskPgPool?: { url: string; pool: pg.Pool } };

export function pgPool(): pg.Pool {
  const url = databaseUrl();
  const current = globalForPool.tokendeskPgPool;
  if (current && current.url === url) return current.pool;
  if (current) void current.pool.end().catch(() => {});
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle client losing its server (a restart) must not crash the process.
  pool.on("error", () => {});
  globalForPool.tokendeskPgPool = { url, pool };
  return pool;
}

export async function closePgPool(): Promise<void> {
  await globalForPool.tokendeskPgPool?.pool.end();
  globalForPool.tokendeskPgPool = undefined;
}
