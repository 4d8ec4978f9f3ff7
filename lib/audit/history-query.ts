import "server-only";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db/pg-pool";
import { FAST_TIMESTAMPS } from "@/lib/db/timestamptz";
import type { HistoryFilters } from "@/lib/audit/history-filters";
import { historySql } from "@/lib/audit/history-sql";

/**
 * The audit history as supervisors read it: newest first, an INTENT and its
 * OUTCOME as one event, filtered, keyset-paginated on (occurred_at, seq) —
 * never OFFSET, so page 1000 costs what page 1 costs.
 */

export const PAGE_SIZE = 50;

export interface HistoryRow {
  seq: string;
  id: string;
  type: string;
  occurredAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string | null;
  serial: string | null;
  tokenType: string | null;
  rsaUserId: string | null;
  ticket: string | null;
  reason: string | null;
  note: string | null;
  outcome: string | null;
  rsaStatus: number | null;
  errorCode: string | null;
  durationMs: number | null;
  stateBefore: unknown;
  stateAfter: unknown;
  requestId: string | null;
  clientIp: string | null;
  userAgent: string | null;
  details: unknown;
  hash: string;
  /** Position in the listing's order (the cursor), which is not always the event's own. */
  sortAt: Date;
  sortSeq: string;
  /** The OUTCOME row of a CHANGE_INTENT, when there is one. */
  outcomeSeq: string | null;
  outcomeAt: Date | null;
  outcomeActor: string | null;
  outcomeDetails: unknown;
  /** What the reconciler found later, for a change whose outcome was UNKNOWN or never written. */
  resolution: string | null;
  resolvedAt: Date | null;
  resolutionDetails: unknown;
}

export function encodeCursor(row: { sortAt: Date; sortSeq: string }): string {
  return Buffer.from(`${row.sortAt.toISOString()}|${row.sortSeq}`).toString("base64url");
}

function decodeCursor(cursor: string | undefined): { at: Date; seq: bigint } | null {
  if (!cursor) return null;
  const [at, seq] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!at || !seq || !/^\d+$/.test(seq) || Number.isNaN(new Date(at).getTime())) return null;
  return { at: new Date(at), seq: BigInt(seq) };
}

export async function historyPage(
  filters: HistoryFilters,
  now = new Date(),
): Promise<{ rows: HistoryRow[]; nextCursor: string | null; asOf: Date }> {
  const rows = await db().$queryRaw<HistoryRow[]>(
    historySql(filters, decodeCursor(filters.cursor), PAGE_SIZE + 1, now),
  );
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor(last) : null, asOf: now };
}

/**
 * Every row of the filtered set, a batch at a time (for exports in constant
 * memory). Uses node-postgres directly: the same SQL, without Prisma's per-row decoding.
 */
export async function* historyBatches(
  filters: HistoryFilters,
  batchSize = 2000,
  now = new Date(),
): AsyncGenerator<HistoryRow[]> {
  const fetchAfter = (after: { at: Date; seq: bigint } | null) => {
    const sql = historySql(filters, after, batchSize, now);
    const args = sql.values.map((v) => (typeof v === "bigint" ? v.toString() : v));
    return pgPool().query<HistoryRow>({ text: sql.text, values: args, types: FAST_TIMESTAMPS });
  };
  // The next batch is fetched while the caller encodes this one: an export runs
  // at the speed of the slower of the two, not of both added together.
  let pending: ReturnType<typeof fetchAfter> | null = fetchAfter(null);
  try {
    while (pending) {
      const { rows }: { rows: HistoryRow[] } = await pending;
      const last = rows.at(-1);
      pending = rows.length === batchSize && last ? fetchAfter({ at: last.sortAt, seq: BigInt(last.sortSeq) }) : null;
      if (rows.length > 0) yield rows;
    }
  } finally {
    // An abandoned export must not leave a query's rejection unhandled.
    pending?.catch(() => undefined);
  }
}
