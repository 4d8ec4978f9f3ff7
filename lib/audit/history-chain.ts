import "server-only";
import { db } from "@/lib/db";
import { lastVerification } from "@/lib/audit/record-verification";

/**
 * What the audit page says about the chain: the last verification, how many
 * rows were appended after the row it reached, and, when it found a break,
 * the row where the chain breaks. Each read is one lookup or one range of the
 * primary key, never a scan of the table.
 */

/** Counting stops here (a few milliseconds of the primary key): "more than 10,000 rows added since" says enough. */
export const ROWS_SINCE_CAP = 10_000;

export interface BrokenRow {
  seq: string;
  type: string;
  occurredAt: Date;
  actorName: string | null;
  actorEmail: string | null;
  action: string | null;
  serial: string | null;
  details: unknown;
}

export type Verification = NonNullable<Awaited<ReturnType<typeof lastVerification>>>;

export interface ChainStatus {
  verification: Verification | null;
  /** Rows with a seq above the verification's head; null when there is no intact verification to count from. */
  rowsSince: { count: number; more: boolean } | null;
  /** The first broken row as it reads now, or null when it is gone (deleted rows) or nothing broke. */
  brokenRow: BrokenRow | null;
}

export async function chainStatus(): Promise<ChainStatus> {
  const verification = await lastVerification();
  if (!verification) return { verification: null, rowsSince: await rowsAfter(0n), brokenRow: null };
  const [rowsSince, brokenRow] = await Promise.all([
    verification.ok ? rowsAfter(verification.headSeq ?? 0n) : null,
    verification.breakSeq !== null ? rowAt(verification.breakSeq) : null,
  ]);
  return { verification, rowsSince, brokenRow };
}

async function rowsAfter(seq: bigint): Promise<{ count: number; more: boolean }> {
  const [row] = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM audit_events WHERE seq > ${seq} LIMIT ${ROWS_SINCE_CAP + 1}) added`;
  const n = row?.n ?? 0;
  return { count: Math.min(n, ROWS_SINCE_CAP), more: n > ROWS_SINCE_CAP };
}

async function rowAt(seq: bigint): Promise<BrokenRow | null> {
  const [row] = await db().$queryRaw<BrokenRow[]>`
    SELECT seq::text AS seq, type::text AS type, occurred_at AS "occurredAt", actor_name AS "actorName",
           actor_email AS "actorEmail", action, serial, details
      FROM audit_events WHERE seq = ${seq}`;
  return row ?? null;
}
