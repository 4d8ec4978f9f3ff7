import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { appendAuditEvent } from "@/lib/audit/append";
import { RsaError } from "@/lib/rsa/errors";
import { readCurrentState } from "@/lib/tokens/rsa-change-calls";
import {
  expectedAfter,
  sameSnapshot,
  TOKEN_ACTIONS,
  type TokenAction,
  type TokenSnapshot,
  type TokenType,
} from "@/lib/tokens/token-actions";

/**
 * Ends INTENTs left without an OUTCOME (a crash, a killed process, a database
 * hiccup after RSA answered): looks the token up and records what is observed —
 * APPLIED, NOT_APPLIED or UNKNOWN — as the OUTCOME. Never silently: every
 * resolution is a row. If RSA cannot be asked now, the INTENT waits for the next run.
 */

export interface ReconcileReport {
  examined: number;
  resolved: { intentId: string; serial: string; outcome: "APPLIED" | "NOT_APPLIED" | "UNKNOWN" }[];
  deferred: { intentId: string; serial: string; reason: string }[];
}

const RECONCILER = { actorName: "tokendesk reconciler", actorRole: "SYSTEM" };

function asSnapshot(value: unknown): TokenSnapshot | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (typeof v.tokenStatus !== "string" || typeof v.tokenState !== "string") return null;
  return {
    tokenStatus: v.tokenStatus,
    tokenState: v.tokenState,
    userId: (v.userId as string | null) ?? null,
  } as TokenSnapshot;
}

export async function reconcileOpenIntents(
  options: { olderThanSeconds?: number; now?: Date } = {},
): Promise<ReconcileReport> {
  const olderThan = options.olderThanSeconds ?? env().AUDIT_RECONCILE_AFTER_SECONDS;
  const cutoff = new Date((options.now ?? new Date()).getTime() - olderThan * 1000);
  const open = await db().$queryRaw<
    {
      id: string;
      serial: string;
      token_type: string;
      action: string;
      state_before: unknown;
      ticket: string | null;
      reason: string | null;
      rsa_user_id: string | null;
      actor_id: string | null;
      actor_email: string | null;
      actor_name: string | null;
      actor_role: string | null;
    }[]
  >`
    SELECT i.id::text, i.serial, i.token_type, i.action, i.state_before, i.ticket, i.reason, i.rsa_user_id,
           i.actor_id::text, i.actor_email, i.actor_name, i.actor_role
      FROM audit_events i
     WHERE i.type = 'CHANGE_INTENT' AND i.occurred_at < ${cutoff}
       AND NOT EXISTS (SELECT 1 FROM audit_events o WHERE o.type = 'CHANGE_OUTCOME' AND o.intent_id = i.id)
     ORDER BY i.seq LIMIT 100`;

  const report: ReconcileReport = { examined: open.length, resolved: [], deferred: [] };
  for (const intent of open) {
    const action = intent.action.toLowerCase() as TokenAction;
    const before = asSnapshot(intent.state_before);
    let observed: TokenSnapshot | null = null;
    let outcome: "APPLIED" | "NOT_APPLIED" | "UNKNOWN" = "UNKNOWN";
    if (TOKEN_ACTIONS.includes(action) && before) {
      try {
        observed = await readCurrentState(intent.token_type as TokenType, intent.serial);
      } catch (error) {
        if (error instanceof RsaError && error.kind !== "not_found") {
          report.deferred.push({ intentId: intent.id, serial: intent.serial, reason: `RSA ${error.kind}` });
          continue;
        }
        if (!(error instanceof RsaError)) throw error;
      }
      if (observed && sameSnapshot(observed, expectedAfter(action, before))) outcome = "APPLIED";
      else if (observed && sameSnapshot(observed, before)) outcome = "NOT_APPLIED";
    }
    try {
      await appendAuditEvent({
        // The OUTCOME repeats its INTENT's actor (so filters find it); who recorded it is in details.
        actorId: intent.actor_id,
        actorEmail: intent.actor_email,
        actorName: intent.actor_name,
        actorRole: intent.actor_role,
        type: "CHANGE_OUTCOME",
        intentId: intent.id,
        action: intent.action,
        serial: intent.serial,
        tokenType: intent.token_type,
        rsaUserId: intent.rsa_user_id,
        ticket: intent.ticket,
        reason: intent.reason,
        outcome,
        stateBefore: before,
        stateAfter: observed,
        details: { reconciled: true, recordedBy: RECONCILER, observedAt: new Date().toISOString() },
      });
      report.resolved.push({ intentId: intent.id, serial: intent.serial, outcome });
    } catch (error) {
      // Another instance (or the late real OUTCOME) got there first: the unique index said no.
      logger().info({ err: error, intentId: intent.id }, "intent already resolved elsewhere");
    }
  }
  if (report.examined > 0) logger().warn({ report }, "reconciled open audit intents");
  return report;
}
