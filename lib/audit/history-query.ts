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
  /** Position in the listing's order (the cursor), which is not always the event's own. */
  sortAt: Date;
  sortSeq: string;
  /** The OUTCOME row of a CHANGE_INTENT, when there is one. */
  outcomeSeq: string | null;
  outcomeAt: Date | null;
  outcomeActor: string | null;
  outcomeDetails: unknown;
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

const FAILURES = Prisma.sql`('FAILURE', 'FAILED', 'NOT_APPLIED', 'UNKNOWN', 'WRONG_PASSWORD', 'UNKNOWN_EMAIL', 'USER_DISABLED')`;
const SUCCESSES = Prisma.sql`('SUCCESS', 'APPLIED')`;

/**
 * Two shapes of the same listing. "intent" (default): one row per event, each
 * CHANGE_INTENT joined to its OUTCOME. "outcome" (filtering on success/failure):
 * driven from the rows that carry the outcome — an OUTCOME joined back to its
 * INTENT, or a failed lookup/sign-in itself — so a rare outcome is found through
 * its own index instead of by scanning every change. OUTCOME rows repeat their
 * INTENT's actor, action, serial, ticket and RSA user, so filters apply to either.
 */
type Mode = "intent" | "outcome";
const modeOf = (filters: HistoryFilters): Mode =>
  filters.outcome === "failure" || filters.outcome === "success" ? "outcome" : "intent";

function actionWhere(action: string, mode: Mode): Prisma.Sql {
  const change = mode === "intent" ? Prisma.sql`'CHANGE_INTENT'` : Prisma.sql`'CHANGE_OUTCOME'`;
  const byAction = (name: string) => Prisma.sql`e.type IN (${change}, 'CHANGE_REFUSED') AND e.action = ${name}`;
  switch (action) {
    case "changes":
      return Prisma.sql`e.type = ${change}`;
    case "enable":
    case "disable":
    case "unassign":
      return byAction(action.toUpperCase());
    case "lookup":
      return Prisma.sql`e.type = 'LOOKUP'`;
    case "sign-in":
      return Prisma.sql`e.type IN ('SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_OUT')`;
    case "refused":
      return Prisma.sql`e.type IN ('CHANGE_REFUSED', 'ACCESS_DENIED')`;
    default:
      return Prisma.sql`e.type = 'EXPORT'`;
  }
}

const OUTCOME_WHERE: Record<string, Prisma.Sql> = {
  success: Prisma.sql`e.outcome IN ${SUCCESSES}`,
  failure: Prisma.sql`e.outcome IN ${FAILURES}`,
  refused: Prisma.sql`e.type IN ('CHANGE_REFUSED', 'ACCESS_DENIED')`,
  open: Prisma.sql`e.type = 'CHANGE_INTENT' AND o.seq IS NULL`,
  found: Prisma.sql`e.outcome = 'FOUND'`,
  "not-found": Prisma.sql`e.outcome = 'NOT_FOUND'`,
};

/** Conditions on `e`: the event row (intent mode) or the outcome-carrying row (outcome mode). */
export function historyWhere(filters: HistoryFilters, now = new Date()): Prisma.Sql {
  const mode = modeOf(filters);
  const parts: Prisma.Sql[] = [
    mode === "intent" ? Prisma.sql`e.type <> 'CHANGE_OUTCOME'` : Prisma.sql`e.type <> 'CHANGE_INTENT'`,
  ];
  const { from, to } = timeBounds(filters, now);
  if (from) parts.push(Prisma.sql`e.occurred_at >= ${from}`);
  if (to) parts.push(Prisma.sql`e.occurred_at < ${to}`);
  if (filters.agent) parts.push(Prisma.sql`e.actor_id = ${filters.agent}::uuid`);
  if (filters.serial) parts.push(Prisma.sql`e.serial = ${filters.serial}`);
  if (filters.ticket) parts.push(Prisma.sql`e.ticket = ${filters.ticket}`);
  if (filters.rsaUser) parts.push(Prisma.sql`e.rsa_user_id = ${filters.rsaUser}`);
  if (filters.action) parts.push(actionWhere(filters.action, mode));
  if (filters.outcome) parts.push(OUTCOME_WHERE[filters.outcome]!);
  return Prisma.join(parts, " AND ");
}

const INTENT_SELECT = Prisma.sql`
    SELECT e.seq::text AS "seq", e.id::text AS "id", e.type::text AS "type", e.occurred_at AS "occurredAt",
           e.actor_id::text AS "actorId", e.actor_email AS "actorEmail", e.actor_name AS "actorName", e.actor_role AS "actorRole",
           e.action, e.serial, e.token_type AS "tokenType", e.rsa_user_id AS "rsaUserId", e.ticket, e.reason, e.note,
           COALESCE(o.outcome, e.outcome) AS "outcome", COALESCE(o.rsa_status, e.rsa_status) AS "rsaStatus",
           COALESCE(o.error_code, e.error_code) AS "errorCode", COALESCE(o.duration_ms, e.duration_ms) AS "durationMs",
           e.state_before AS "stateBefore", COALESCE(o.state_after, e.state_after) AS "stateAfter",
           e.request_id AS "requestId", e.client_ip AS "clientIp", e.user_agent AS "userAgent", e.details, e.hash,
           o.seq::text AS "outcomeSeq", o.occurred_at AS "outcomeAt", o.actor_name AS "outcomeActor", o.details AS "outcomeDetails",
           e.occurred_at AS "sortAt", e.seq::text AS "sortSeq"
      FROM audit_events e
      LEFT JOIN audit_events o ON e.type = 'CHANGE_INTENT' AND o.type = 'CHANGE_OUTCOME' AND o.intent_id = e.id`;

// Here `e` is the outcome-carrying row and `i` its INTENT (when it is a change).
const OUTCOME_SELECT = Prisma.sql`
    SELECT COALESCE(i.seq, e.seq)::text AS "seq", COALESCE(i.id, e.id)::text AS "id", COALESCE(i.type, e.type)::text AS "type",
           COALESCE(i.occurred_at, e.occurred_at) AS "occurredAt",
           e.actor_id::text AS "actorId", e.actor_email AS "actorEmail", e.actor_name AS "actorName", e.actor_role AS "actorRole",
           e.action, e.serial, e.token_type AS "tokenType", e.rsa_user_id AS "rsaUserId", e.ticket, e.reason, e.note,
           e.outcome, e.rsa_status AS "rsaStatus", e.error_code AS "errorCode", e.duration_ms AS "durationMs",
           COALESCE(i.state_before, e.state_before) AS "stateBefore", e.state_after AS "stateAfter",
           COALESCE(i.request_id, e.request_id) AS "requestId", COALESCE(i.client_ip, e.client_ip) AS "clientIp",
           COALESCE(i.user_agent, e.user_agent) AS "userAgent", CASE WHEN i.id IS NULL THEN e.details ELSE i.details END AS "details",
           COALESCE(i.hash, e.hash) AS "hash",
           CASE WHEN i.id IS NULL THEN NULL ELSE e.seq::text END AS "outcomeSeq",
           CASE WHEN i.id IS NULL THEN NULL ELSE e.occurred_at END AS "outcomeAt",
           CASE WHEN i.id IS NULL THEN NULL ELSE e.actor_name END AS "outcomeActor",
           CASE WHEN i.id IS NULL THEN NULL ELSE e.details END AS "outcomeDetails",
           e.occurred_at AS "sortAt", e.seq::text AS "sortSeq"
      FROM audit_events e
      LEFT JOIN audit_events i ON e.type = 'CHANGE_OUTCOME' AND i.id = e.intent_id`;

export function historySql(
  filters: HistoryFilters,
  after: { at: Date; seq: bigint } | null,
  limit: number,
  now = new Date(),
): Prisma.Sql {
  const keyset = after ? Prisma.sql`AND (e.occurred_at, e.seq) < (${after.at}, ${after.seq})` : Prisma.empty;
  return Prisma.sql`${modeOf(filters) === "intent" ? INTENT_SELECT : OUTCOME_SELECT}
     WHERE ${historyWhere(filters, now)} ${keyset}
     ORDER BY e.occurred_at DESC, e.seq DESC
     LIMIT ${limit}`;
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
    return pgPool().query<HistoryRow>(sql.text, args);
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
