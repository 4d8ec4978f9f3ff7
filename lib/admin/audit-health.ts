import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { lastVerification } from "@/lib/audit/record-verification";
import type { AuditHealth, CheckpointSummary, VerificationSummary } from "@/lib/admin/types";

/** The audit trail's health for the administration page: size, last verification, last checkpoint, open changes. */
export async function auditHealth(now = new Date()): Promise<AuditHealth> {
  const reconcileAfterSeconds = env().AUDIT_RECONCILE_AFTER_SECONDS;
  const [rows, verification, checkpoint, openIntents] = await Promise.all([
    rowCount(),
    lastVerification(),
    lastCheckpoint(),
    countOpenIntents(new Date(now.getTime() - reconcileAfterSeconds * 1000)),
  ]);
  return {
    rows,
    lastVerification: verification ? summarizeVerification(verification) : null,
    lastCheckpoint: checkpoint,
    openIntents,
    reconcileAfterSeconds,
  };
}

// The head's sequence number (an index lookup) rather than count(*), which reads every row of a large trail.
async function rowCount(): Promise<string> {
  const [row] = await db().$queryRaw<{ seq: string }[]>`SELECT coalesce(max(seq), 0)::text AS seq FROM audit_events`;
  return row?.seq ?? "0";
}

function summarizeVerification(v: NonNullable<Awaited<ReturnType<typeof lastVerification>>>): VerificationSummary {
  return {
    verifiedAt: v.verifiedAt.toISOString(),
    ok: v.ok,
    rowsChecked: v.rowsChecked,
    trigger: v.trigger,
    breakSeq: v.breakSeq === null ? null : String(v.breakSeq),
    message: v.message,
  };
}

/** The latest AUDIT_CHECKPOINT row: when, which row it named, and who took it. */
export async function lastCheckpoint(): Promise<CheckpointSummary | null> {
  const row = await db().auditEvent.findFirst({
    where: { type: "AUDIT_CHECKPOINT" },
    orderBy: { occurredAt: "desc" },
    select: { occurredAt: true, details: true, actorName: true, actorEmail: true },
  });
  if (!row) return null;
  const seq = (row.details as { seq?: unknown } | null)?.seq;
  return {
    at: row.occurredAt.toISOString(),
    seq: typeof seq === "string" || typeof seq === "number" ? String(seq) : null,
    by: row.actorEmail ? `${row.actorName ?? row.actorEmail} (${row.actorEmail})` : (row.actorName ?? "unknown"),
  };
}

/**
 * Changes recorded before the cutoff that still have no ending: no OUTCOME, or
 * an UNKNOWN one, and no RESOLUTION. The reconciler should have settled these;
 * a number that stays above zero means it cannot (RSA unreachable, or stopped).
 */
export async function countOpenIntents(cutoff: Date): Promise<number> {
  const [row] = await db().$queryRaw<{ open: number }[]>`
    SELECT count(*)::int AS open
      FROM audit_events i
     WHERE i.type = 'CHANGE_INTENT' AND i.occurred_at < ${cutoff}
       AND NOT EXISTS (SELECT 1 FROM audit_events o
                        WHERE o.type = 'CHANGE_OUTCOME' AND o.intent_id = i.id AND o.outcome <> 'UNKNOWN')
       AND NOT EXISTS (SELECT 1 FROM audit_events r WHERE r.type = 'CHANGE_RESOLUTION' AND r.intent_id = i.id)`;
  return row?.open ?? 0;
}
