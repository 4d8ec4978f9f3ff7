import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db/pg-pool";
import { timeBounds, type HistoryFilters } from "@/lib/audit/history-filters";

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
  /** The OUTCOME row of a CHANGE_INTENT, when there is one. */
  outcomeSeq: string | null;
  outcomeAt: Date | null;
  outcomeActor: string | null;
  outcomeDetails: unknown;
}

export function encodeCursor(row: { occurredAt: Date; seq: string }): string {
  return Buffer.from(`${row.occurredAt.toISOString()}|${row.seq}`).toString("base64url");
}

function decodeCursor(cursor: string | undefined): { at: Date; seq: bigint } | null {
  if (!cursor) return null;
  const [at, seq] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!at || !seq || !/^\d+$/.test(seq) || Number.isNaN(new Date(at).getTime())) return null;
  return { at: new Date(at), seq: BigInt(seq) };
}

const ACTION_WHERE: Record<string, Prisma.Sql> = {
  changes: Prisma.sql`e.type = 'CHANGE_INTENT'`,
  enable: Prisma.sql`e.type IN ('CHANGE_INTENT', 'CHANGE_REFUSED') AND e.action = 'ENABLE'`,
  disable: Prisma.sql`e.type IN ('CHANGE_INTENT', 'CHANGE_REFUSED') AND e.action = 'DISABLE'`,
  unassign: Prisma.sql`e.type IN ('CHANGE_INTENT', 'CHANGE_REFUSED') AND e.action = 'UNASSIGN'`,
  lookup: Prisma.sql`e.type = 'LOOKUP'`,
  "sign-in": Prisma.sql`e.type IN ('SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_OUT')`,
  refused: Prisma.sql`e.type IN ('CHANGE_REFUSED', 'ACCESS_DENIED')`,
  export: Prisma.sql`e.type = 'EXPORT'`,
};

const OUTCOME_WHERE: Record<string, Prisma.Sql> = {
  success: Prisma.sql`COALESCE(o.outcome, e.outcome) IN ('SUCCESS', 'APPLIED')`,
  failure: Prisma.sql`COALESCE(o.outcome, e.outcome) IN ('FAILURE', 'FAILED', 'NOT_APPLIED', 'UNKNOWN', 'WRONG_PASSWORD', 'UNKNOWN_EMAIL', 'USER_DISABLED')`,
  refused: Prisma.sql`e.type IN ('CHANGE_REFUSED', 'ACCESS_DENIED')`,
  open: Prisma.sql`e.type = 'CHANGE_INTENT' AND o.seq IS NULL`,
  found: Prisma.sql`e.outcome = 'FOUND'`,
  "not-found": Prisma.sql`e.outcome = 'NOT_FOUND'`,
};

export function historyWhere(filters: HistoryFilters, now = new Date()): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`e.type <> 'CHANGE_OUTCOME'`];
  const { from, to } = timeBounds(filters, now);
  if (from) parts.push(Prisma.sql`e.occurred_at >= ${from}`);
  if (to) parts.push(Prisma.sql`e.occurred_at < ${to}`);
  if (filters.agent) parts.push(Prisma.sql`e.actor_id = ${filters.agent}::uuid`);
  if (filters.serial) parts.push(Prisma.sql`e.serial = ${filters.serial}`);
  if (filters.ticket) parts.push(Prisma.sql`e.ticket = ${filters.ticket}`);
  if (filters.rsaUser) parts.push(Prisma.sql`e.rsa_user_id = ${filters.rsaUser}`);
  if (filters.action) parts.push(ACTION_WHERE[filters.action]!);
  if (filters.outcome) parts.push(OUTCOME_WHERE[filters.outcome]!);
  return Prisma.join(parts, " AND ");
}

export function historySql(filters: HistoryFilters, after: { at: Date; seq: bigint } | null, limit: number, now = new Date()): Prisma.Sql {
  const keyset = after ? Prisma.sql`AND (e.occurred_at, e.seq) < (${after.at}, ${after.seq})` : Prisma.empty;
  return Prisma.sql`
    SELECT e.seq::text AS "seq", e.id::text AS "id", e.type::text AS "type", e.occurred_at AS "occurredAt",
           e.actor_id::text AS "actorId", e.actor_email AS "actorEmail", e.actor_name AS "actorName", e.actor_role AS "actorRole",
           e.action, e.serial, e.token_type AS "tokenType", e.rsa_user_id AS "rsaUserId", e.ticket, e.reason, e.note,
           COALESCE(o.outcome, e.outcome) AS "outcome", COALESCE(o.rsa_status, e.rsa_status) AS "rsaStatus",
           COALESCE(o.error_code, e.error_code) AS "errorCode", COALESCE(o.duration_ms, e.duration_ms) AS "durationMs",
           e.state_before AS "stateBefore", COALESCE(o.state_after, e.state_after) AS "stateAfter",
           e.request_id AS "requestId", e.client_ip AS "clientIp", e.user_agent AS "userAgent", e.details, e.hash,
           o.seq::text AS "outcomeSeq", o.occurred_at AS "outcomeAt", o.actor_name AS "outcomeActor", o.details AS "outcomeDetails"
      FROM audit_events e
      LEFT JOIN audit_events o ON e.type = 'CHANGE_INTENT' AND o.type = 'CHANGE_OUTCOME' AND o.intent_id = e.id
     WHERE ${historyWhere(filters, now)} ${keyset}
     ORDER BY e.occurred_at DESC, e.seq DESC
     LIMIT ${limit}`;
}

export async function historyPage(filters: HistoryFilters, now = new Date()): Promise<{ rows: HistoryRow[]; nextCursor: string | null }> {
  const rows = await db().$queryRaw<HistoryRow[]>(historySql(filters, decodeCursor(filters.cursor), PAGE_SIZE + 1, now));
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor(last) : null };
}

/**
 * Every row of the filtered set, a batch at a time (for exports in constant
 * memory). Uses node-postgres directly: the same SQL, without Prisma's per-row decoding.
 */
export async function* historyBatches(filters: HistoryFilters, batchSize = 2000, now = new Date()): AsyncGenerator<HistoryRow[]> {
  let after: { at: Date; seq: bigint } | null = null;
  for (;;) {
    const sql = historySql(filters, after, batchSize, now);
    const args = sql.values.map((v) => (typeof v === "bigint" ? v.toString() : v));
    const rows = (await pgPool().query<HistoryRow>(sql.text, args)).rows;
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    const last = rows.at(-1)!;
    after = { at: last.occurredAt, seq: BigInt(last.seq) };
  }
}
