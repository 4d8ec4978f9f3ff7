import "server-only";
import { db } from "@/lib/db";
import type { AuditActor } from "@/lib/audit/events";

/** The reconciler's reads and bookkeeping (audit_reconcile_attempts); the audit table itself is only appended to. */

export interface UnsettledIntent {
  id: string;
  action: string;
  serial: string | null;
  tokenType: string | null;
  rsaUserId: string | null;
  ticket: string | null;
  reason: string | null;
  note: string | null;
  stateBefore: unknown;
  recordedInput: unknown;
  actor: AuditActor;
  /** The OUTCOME recorded so far: "UNKNOWN", or null when none was written. */
  outcome: string | null;
}

interface Row {
  id: string;
  action: string;
  serial: string | null;
  token_type: string | null;
  rsa_user_id: string | null;
  ticket: string | null;
  reason: string | null;
  note: string | null;
  state_before: unknown;
  details: { input?: unknown } | null;
  actor_id: string | null;
  actor_email: string | null;
  actor_name: string | null;
  actor_role: string | null;
  outcome: string | null;
}

/**
 * INTENTs older than the cutoff with no OUTCOME or an UNKNOWN one, no
 * RESOLUTION yet, and due for a look (never tried, or their backoff is over).
 */
export async function findUnsettledIntents(cutoff: Date, now: Date, limit = 50): Promise<UnsettledIntent[]> {
  const rows = await db().$queryRaw<Row[]>`
    SELECT i.id::text, i.action, i.serial, i.token_type, i.rsa_user_id, i.ticket, i.reason, i.note, i.state_before,
           i.details, i.actor_id::text, i.actor_email, i.actor_name, i.actor_role, o.outcome
      FROM audit_events i
      LEFT JOIN audit_events o ON o.type = 'CHANGE_OUTCOME' AND o.intent_id = i.id
      LEFT JOIN audit_reconcile_attempts a ON a.intent_id = i.id
     WHERE i.type = 'CHANGE_INTENT' AND i.occurred_at < ${cutoff}
       AND (o.seq IS NULL OR o.outcome = 'UNKNOWN')
       AND NOT EXISTS (SELECT 1 FROM audit_events r WHERE r.type = 'CHANGE_RESOLUTION' AND r.intent_id = i.id)
       AND (a.intent_id IS NULL OR a.next_attempt_at <= ${now})
     ORDER BY i.seq LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    serial: r.serial,
    tokenType: r.token_type,
    rsaUserId: r.rsa_user_id,
    ticket: r.ticket,
    reason: r.reason,
    note: r.note,
    stateBefore: r.state_before,
    // INTENTs written before changes recorded their input: a token change can be rebuilt from its columns.
    recordedInput: r.details?.input ?? { action: r.action.toLowerCase(), tokenType: r.token_type, serial: r.serial },
    actor: r.actor_id
      ? { kind: "user", id: r.actor_id, email: r.actor_email ?? "", name: r.actor_name ?? "", role: r.actor_role ?? "" }
      : { kind: "system", name: r.actor_name ?? "unknown" },
    outcome: r.outcome,
  }));
}

const CLAIM_MS = 120_000;

/**
 * Takes the intent for this instance for a while; returns how many attempts
 * were made before, or null when another instance holds it or it is not due.
 */
export async function claimIntent(intentId: string, instance: string, now: Date): Promise<number | null> {
  const until = new Date(now.getTime() + CLAIM_MS);
  const rows = await db().$queryRaw<{ attempts: number }[]>`
    INSERT INTO audit_reconcile_attempts (intent_id, attempts, next_attempt_at, claimed_by, claimed_until)
    VALUES (${intentId}::uuid, 0, ${now}, ${instance}::uuid, ${until})
    ON CONFLICT (intent_id) DO UPDATE SET claimed_by = EXCLUDED.claimed_by, claimed_until = EXCLUDED.claimed_until
      WHERE (audit_reconcile_attempts.claimed_until IS NULL OR audit_reconcile_attempts.claimed_until < ${now})
        AND audit_reconcile_attempts.next_attempt_at <= ${now}
    RETURNING attempts`;
  return rows[0]?.attempts ?? null;
}

export async function postpone(
  intentId: string,
  attempts: number,
  nextAttemptAt: Date,
  problem: string,
): Promise<void> {
  await db().$executeRaw`
    UPDATE audit_reconcile_attempts
       SET attempts = ${attempts}, next_attempt_at = ${nextAttemptAt}, claimed_by = NULL, claimed_until = NULL,
           last_problem = ${problem}
     WHERE intent_id = ${intentId}::uuid`;
}

/** The change has its RESOLUTION: nothing more to track. */
export async function settle(intentId: string): Promise<void> {
  await db().$executeRaw`DELETE FROM audit_reconcile_attempts WHERE intent_id = ${intentId}::uuid`;
}
