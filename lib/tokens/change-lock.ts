import "server-only";
import { pgPool } from "@/lib/db/pg-pool";

/**
 * One change at a time per token or per user, across every app instance: a
 * row per lock key ("token:<serial>", "user:<id>") while a change is in
 * flight. A lock left by a crashed process expires, so nothing stays blocked long.
 */
const LOCK_TTL_MS = 60_000;

// On the plain pool, not Prisma: both run on every change (README: Performance).
export async function acquireChangeLock(key: string, holderId: string): Promise<boolean> {
  // The database's clock, not this instance's: with several instances one slow clock must not break the lock.
  const { rowCount } = await pgPool().query(
    `INSERT INTO change_locks (lock_key, holder_id, expires_at)
     VALUES ($1, $2::uuid, now() + make_interval(secs => $3))
     ON CONFLICT (lock_key) DO UPDATE SET holder_id = EXCLUDED.holder_id, expires_at = EXCLUDED.expires_at
       WHERE change_locks.expires_at < now()
     RETURNING lock_key`,
    [key, holderId, LOCK_TTL_MS / 1000],
  );
  return rowCount === 1;
}

export async function releaseChangeLock(key: string, holderId: string): Promise<void> {
  await pgPool().query("DELETE FROM change_locks WHERE lock_key = $1 AND holder_id = $2::uuid", [key, holderId]);
}
