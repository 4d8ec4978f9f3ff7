import "server-only";
import { db } from "@/lib/db";

/**
 * One change at a time per serial, across every app instance: a row per serial
 * in flight. A lock left by a crashed process expires, so a serial is never
 * blocked for long.
 */
const LOCK_TTL_MS = 60_000;

export async function acquireChangeLock(serial: string, holderId: string): Promise<boolean> {
  const expiresAt = new Date(Date.now() + LOCK_TTL_MS);
  const rows = await db().$queryRaw<{ serial: string }[]>`
    INSERT INTO token_change_locks (serial, holder_id, expires_at)
    VALUES (${serial}, ${holderId}::uuid, ${expiresAt})
    ON CONFLICT (serial) DO UPDATE SET holder_id = EXCLUDED.holder_id, expires_at = EXCLUDED.expires_at
      WHERE token_change_locks.expires_at < now()
    RETURNING serial`;
  return rows.length === 1;
}

export async function releaseChangeLock(serial: string, holderId: string): Promise<void> {
  await db().$executeRaw`DELETE FROM token_change_locks WHERE serial = ${serial} AND holder_id = ${holderId}::uuid`;
}
