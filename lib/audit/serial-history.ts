import "server-only";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db/pg-pool";

export interface HistoryEntry {
  id: string;
  type: "CHANGE" | "REFUSED" | "LOOKUP";
  at: string;
  actorName: string | null;
  action: string | null;
  ticket: string | null;
  reason: string | null;
  note: string | null;
  /** As recorded: SUCCESS, FAILURE, UNKNOWN, REFUSED, FOUND, NOT_FOUND, FAILED; null while a change is in flight. */
  outcome: string | null;
  /** For a change whose outcome was UNKNOWN or never written: what the reconciler found. */
  resolution: string | null;
  errorCode: string | null;
}

/**
 * The latest events for one serial, with each change's INTENT and OUTCOME read
 * as one entry. Served by the (serial, occurred_at) index.
 */
export async function serialHistory(serial: string, limit = 12): Promise<HistoryEntry[]> {
  const rows = await db().auditEvent.findMany({
    where: {
      serial,
      type: { in: ["CHANGE_INTENT", "CHANGE_OUTCOME", "CHANGE_RESOLUTION", "CHANGE_REFUSED", "LOOKUP"] },
    },
    orderBy: [{ occurredAt: "desc" }, { seq: "desc" }],
    take: limit * 3,
  });
  const outcomes = new Map(rows.filter((r) => r.type === "CHANGE_OUTCOME" && r.intentId).map((r) => [r.intentId!, r]));
  const resolutions = new Map(
    rows.filter((r) => r.type === "CHANGE_RESOLUTION" && r.intentId).map((r) => [r.intentId!, r.outcome]),
  );
  const entries: HistoryEntry[] = [];
  for (const row of rows) {
    if (row.type === "CHANGE_OUTCOME" || row.type === "CHANGE_RESOLUTION") continue;
    const outcome = row.type === "CHANGE_INTENT" ? outcomes.get(row.id) : undefined;
    entries.push({
      id: row.id,
      type: row.type === "CHANGE_INTENT" ? "CHANGE" : row.type === "CHANGE_REFUSED" ? "REFUSED" : "LOOKUP",
      at: row.occurredAt.toISOString(),
      actorName: row.actorName,
      action: row.action,
      ticket: row.ticket,
      reason: row.reason,
      note: row.note,
      outcome: row.type === "CHANGE_INTENT" ? (outcome?.outcome ?? null) : (row.outcome ?? "REFUSED"),
      resolution: row.type === "CHANGE_INTENT" ? (resolutions.get(row.id) ?? null) : null,
      errorCode: outcome?.errorCode ?? row.errorCode,
    });
    if (entries.length === limit) break;
  }
  return entries;
}

/** A recent search the agent can repeat in one click: a token by serial, or a caller by e-mail. */
export type RecentSearch = { kind: "token"; serial: string } | { kind: "user"; email: string };

/** The agent's own recent distinct searches, newest first (from their LOOKUP events). */
export async function recentSearches(actorId: string, limit = 8): Promise<RecentSearch[]> {
  const rows = await db().$queryRaw<{ serial: string | null; email: string | null }[]>`
    SELECT serial, email FROM (
      SELECT serial, email, max(occurred_at) AS last FROM (
        SELECT serial, CASE WHEN action = 'USER_LOOKUP' THEN details->>'email' END AS email, occurred_at
          FROM audit_events
         WHERE actor_id = ${actorId}::uuid AND type = 'LOOKUP' AND outcome = 'FOUND'
           AND (serial IS NOT NULL OR action = 'USER_LOOKUP')
         ORDER BY occurred_at DESC LIMIT 200
      ) recent WHERE serial IS NOT NULL OR email IS NOT NULL GROUP BY serial, email
    ) latest ORDER BY last DESC LIMIT ${limit}`;
  return rows.map((r) => (r.serial ? { kind: "token", serial: r.serial } : { kind: "user", email: r.email! }));
}

/** The last change tokendesk made to a token's status that RSA confirmed: who, when, under which ticket. */
export interface LastChange {
  action: string;
  actorName: string | null;
  at: string;
  ticket: string | null;
  reason: string | null;
}

/**
 * For "Disabled by Alex Agent on 3 Nov (INC-1001, lost)": RSA records changes
 * as made by the API key, so the person comes from tokendesk's own audit.
 */
export async function lastStatusChanges(serials: readonly string[]): Promise<Map<string, LastChange>> {
  if (serials.length === 0) return new Map();
  // The plain pool, not Prisma: every lookup asks this (README: Performance).
  const { rows } = await pgPool().query<{
    serial: string;
    action: string;
    actor_name: string | null;
    at: Date;
    ticket: string | null;
    reason: string | null;
  }>(
    `SELECT DISTINCT ON (s.serial) s.serial, i.action, i.actor_name, COALESCE(r.occurred_at, o.occurred_at) AS at, i.ticket, i.reason
       FROM unnest($1::text[]) AS s(serial)
       JOIN audit_events i ON i.serial = s.serial AND i.type = 'CHANGE_INTENT' AND i.action IN ('ENABLE', 'DISABLE')
       LEFT JOIN audit_events o ON o.type = 'CHANGE_OUTCOME' AND o.intent_id = i.id
       LEFT JOIN audit_events r ON r.type = 'CHANGE_RESOLUTION' AND r.intent_id = i.id
      WHERE o.outcome = 'SUCCESS' OR r.outcome = 'APPLIED'
      ORDER BY s.serial, i.occurred_at DESC`,
    [[...serials]],
  );
  return new Map(
    rows.map((r) => [
      r.serial,
      { action: r.action, actorName: r.actor_name, at: r.at.toISOString(), ticket: r.ticket, reason: r.reason },
    ]),
  );
}
