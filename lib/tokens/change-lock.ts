import "server-only";
import { db } from "@/lib/db";

/**
 * One change at a time per token or per user, across every app instance: a
 * row per lock key ("token:<serial>", "user:<id>") while a change is in
 * flight. A lock left by a crashed process expires, so nothing stays blocked long.
 */
const LOCK_TTL_MS = 60_000;

export async function acquireChangeLock(key: string, holderId: string): Promise<boolean> {
  // The database's clock, not this instance's: with several instances one slow clock must not break the lock.
  const rows = await db().$queryRaw<{ lock_key: string }[]>`
    INSERT INTO change_locks (lock_key, holder_id, expires_at)
    VALUES (${key}, ${holderId}::uuid, now() + make_interval(secs => ${LOCK_TTL_MS / 1000}))
    ON CONFLICT (lock_key) DO UPDATE SET holder_id = EXCLUDED.holder_id, expires_at = EXCLUDED.expires_at
      WHERE change_locks.expires_at < now()
    RETURNING lock_key`;
  return rows.length === 1;
}

export async function releaseChangeLock(key: string, holderId: string): Promise<void> {
  await db().$executeRaw`DELETE FROM change_locks WHERE lock_key = ${key} AND holder_id = ${holderId}::uuid`;
}
