import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/db";

/**
 * A plain node-postgres pool beside Prisma, for bulk reads where Prisma's
 * per-row decoding is the bottleneck (audit exports stream a million rows).
 */
const globalForPool = globalThis as unknown as { tokendeskPgPool?: pg.Pool };

export function pgPool(): pg.Pool {
  globalForPool.tokendeskPgPool ??= new pg.Pool({ connectionString: databaseUrl(), max: 4 });
  return globalForPool.tokendeskPgPool;
}

export async function closePgPool(): Promise<void> {
  await globalForPool.tokendeskPgPool?.end();
  globalForPool.tokendeskPgPool = undefined;
}
