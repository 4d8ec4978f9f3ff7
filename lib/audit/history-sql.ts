import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { timeBounds, type HistoryFilters } from "@/lib/audit/history-filters";

/**
 * The SQL of the audit history. A change is one event: its INTENT shown with
 * its OUTCOME (o) and, when the outcome was UNKNOWN or missing, its
 * RESOLUTION (r). Two shapes of the same listing, both keyset-paginated on the
 * driving row's (occurred_at, seq):
 *
 * - "intent" (default): driven by event rows (`e` = an INTENT, a lookup, a
 *   sign-in…), each INTENT joined to its OUTCOME and RESOLUTION.
 * - "outcome" (filtering on success / failure / unknown): driven by the rows
 *   that carry the outcome — an OUTCOME or RESOLUTION joined back to its INTENT
 *   (i), or a failed lookup or sign-in itself — so a rare outcome is found
 *   through its own partial index instead of by scanning every change.
 *
 * OUTCOME and RESOLUTION rows repeat their INTENT's actor, action, serial,
 * ticket and RSA user, so every filter applies to either shape.
 */

export type Mode = "intent" | "outcome";
export const modeOf = (filters: HistoryFilters): Mode =>
  filters.outcome === "failure" || filters.outcome === "success" || filters.outcome === "unknown"
    ? "outcome"
    : "intent";

const FAILURES = Prisma.sql`('FAILURE', 'FAILED', 'NOT_APPLIED', 'WRONG_PASSWORD', 'UNKNOWN_EMAIL', 'USER_DISABLED', 'THROTTLED', 'DATABASE_UNAVAILABLE',
  'NO_PASSWORD', 'PASSWORDS_OFF', 'SSO_NO_ROLE', 'SSO_EMAIL_CONFLICT', 'SSO_CLAIMS_INVALID', 'SSO_DENIED', 'SSO_PROVIDER_REFUSED',
  'SSO_UNREACHABLE', 'SSO_ISSUER_MISMATCH', 'SSO_TOKEN_INVALID', 'SSO_STATE_INVALID', 'SSO_FAILED')`;
const SUCCESSES = Prisma.sql`('SUCCESS', 'APPLIED')`;
const UNKNOWNS = Prisma.sql`('UNKNOWN', 'STILL_UNKNOWN')`;
const SETTLING = Prisma.sql`('CHANGE_OUTCOME', 'CHANGE_RESOLUTION')`;

function actionWhere(action: string, mode: Mode): Prisma.Sql {
  const change = mode === "intent" ? Prisma.sql`e.type = 'CHANGE_INTENT'` : Prisma.sql`e.type IN ${SETTLING}`;
  const byAction = (name: string) => Prisma.sql`(${change} OR e.type = 'CHANGE_REFUSED') AND e.action = ${name}`;
  switch (action) {
    // What supervisors review first: every change, every attempt that was refused before RSA
    // was asked (a change or an access), and nothing else. One IN list, so the
    // (type, occurred_at) index serves it as one condition.
    case "changes-refused":
      return mode === "intent"
        ? Prisma.sql`e.type IN ('CHANGE_INTENT', 'CHANGE_REFUSED', 'ACCESS_DENIED')`
        : Prisma.sql`e.type IN ('CHANGE_OUTCOME', 'CHANGE_RESOLUTION', 'CHANGE_REFUSED', 'ACCESS_DENIED')`;
    case "changes":
      return change;
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
    case "admin":
      return Prisma.sql`e.type IN ('USER_ADMIN', 'AUDIT_CHECKPOINT')`;
    default:
      return Prisma.sql`e.type = 'EXPORT'`;
  }
}

const OUTCOME_WHERE: Record<string, Prisma.Sql> = {
  success: Prisma.sql`e.outcome IN ${SUCCESSES}`,
  failure: Prisma.sql`e.outcome IN ${FAILURES}`,
  // An UNKNOWN outcome stops being unknown once its RESOLUTION says APPLIED or NOT_APPLIED.
  unknown: Prisma.sql`e.outcome IN ${UNKNOWNS} AND NOT (e.type = 'CHANGE_OUTCOME' AND EXISTS (
      SELECT 1 FROM audit_events x WHERE x.type = 'CHANGE_RESOLUTION' AND x.intent_id = e.intent_id))`,
  refused: Prisma.sql`e.type IN ('CHANGE_REFUSED', 'ACCESS_DENIED')`,
  open: Prisma.sql`e.type = 'CHANGE_INTENT' AND o.seq IS NULL AND r.seq IS NULL`,
  found: Prisma.sql`e.outcome = 'FOUND'`,
  "not-found": Prisma.sql`e.outcome = 'NOT_FOUND'`,
};

/** Conditions on `e`: the event row (intent mode) or the outcome-carrying row (outcome mode). */
export function historyWhere(filters: HistoryFilters, now = new Date()): Prisma.Sql {
  const mode = modeOf(filters);
  const parts: Prisma.Sql[] = [
    mode === "intent" ? Prisma.sql`e.type NOT IN ${SETTLING}` : Prisma.sql`e.type <> 'CHANGE_INTENT'`,
  ];
  const { from, to } = timeBounds(filters, now);
  if (from) parts.push(Prisma.sql`e.occurred_at >= ${from}`);
  if (to) parts.push(Prisma.sql`e.occurred_at < ${to}`);
  if (filters.agent) parts.push(Prisma.sql`e.actor_id = ${filters.agent}::uuid`);
  if (filters.serial) parts.push(Prisma.sql`e.serial = ${filters.serial}`);
  if (filters.ticket) parts.push(Prisma.sql`e.ticket = ${filters.ticket}`);
  if (filters.rsaUser) parts.push(Prisma.sql`e.rsa_user_id = ${filters.rsaUser}`);
  if (filters.action && filters.action !== "all") parts.push(actionWhere(filters.action, mode));
  if (filters.outcome) parts.push(OUTCOME_WHERE[filters.outcome]!);
  return Prisma.join(parts, " AND ");
}

// `p` is the presented event: the row itself (intent mode) or, in outcome mode, its INTENT when it has one.
const present = (p: (column: string) => Prisma.Sql) => Prisma.sql`
    SELECT ${p("seq")}::text AS "seq", ${p("id")}::text AS "id", ${p("type")}::text AS "type", ${p("occurred_at")} AS "occurredAt",
           e.actor_id::text AS "actorId", e.actor_email AS "actorEmail", e.actor_name AS "actorName", e.actor_role AS "actorRole",
           e.action, e.serial, e.token_type AS "tokenType", e.rsa_user_id AS "rsaUserId", e.ticket, e.reason, e.note,
           CASE WHEN ${p("type")} = 'CHANGE_INTENT' THEN o.outcome ELSE ${p("outcome")} END AS "outcome",
           CASE WHEN ${p("type")} = 'CHANGE_INTENT' THEN o.rsa_status ELSE ${p("rsa_status")} END AS "rsaStatus",
           CASE WHEN ${p("type")} = 'CHANGE_INTENT' THEN o.error_code ELSE ${p("error_code")} END AS "errorCode",
           CASE WHEN ${p("type")} = 'CHANGE_INTENT' THEN o.duration_ms ELSE ${p("duration_ms")} END AS "durationMs",
           ${p("state_before")} AS "stateBefore", COALESCE(r.state_after, o.state_after, ${p("state_after")}) AS "stateAfter",
           ${p("request_id")} AS "requestId", ${p("client_ip")} AS "clientIp", ${p("user_agent")} AS "userAgent",
           ${p("details")} AS "details", ${p("hash")} AS "hash",
           o.seq::text AS "outcomeSeq", o.occurred_at AS "outcomeAt", o.actor_name AS "outcomeActor", o.details AS "outcomeDetails",
           r.outcome AS "resolution", r.occurred_at AS "resolvedAt", r.details AS "resolutionDetails",
           e.occurred_at AS "sortAt", e.seq::text AS "sortSeq"`;

const column = (name: string) => Prisma.raw(`e.${name}`);
const intentOrSelf = (name: string) => Prisma.raw(`COALESCE(i.${name}, e.${name})`);

const INTENT_SELECT = Prisma.sql`${present(column)}
      FROM audit_events e
      LEFT JOIN audit_events o ON e.type = 'CHANGE_INTENT' AND o.type = 'CHANGE_OUTCOME' AND o.intent_id = e.id
      LEFT JOIN audit_events r ON e.type = 'CHANGE_INTENT' AND r.type = 'CHANGE_RESOLUTION' AND r.intent_id = e.id`;

const OUTCOME_SELECT = Prisma.sql`${present(intentOrSelf)}
      FROM audit_events e
      LEFT JOIN audit_events i ON e.type IN ${SETTLING} AND i.type = 'CHANGE_INTENT' AND i.id = e.intent_id
      LEFT JOIN audit_events o ON i.id IS NOT NULL AND o.type = 'CHANGE_OUTCOME' AND o.intent_id = i.id
      LEFT JOIN audit_events r ON i.id IS NOT NULL AND r.type = 'CHANGE_RESOLUTION' AND r.intent_id = i.id`;

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
