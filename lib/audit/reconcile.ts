import "server-only";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { appendAuditEvent } from "@/lib/audit/append";
import {
  auditEvents,
  NO_REQUEST,
  SYSTEM_ACTORS,
  type AuditActor,
  type ChangeResolution,
  type IntentRef,
} from "@/lib/audit/events";
import { RsaError } from "@/lib/rsa/errors";
import { changeDefinitionFor } from "@/lib/tokens/change-registry";
import { claimIntent, findUnsettledIntents, postpone, settle, type UnsettledIntent } from "@/lib/audit/reconcile-store";

/**
 * Settles changes whose ending is not known: an INTENT left without an OUTCOME
 * (a crash, a killed process, a database hiccup after RSA answered) or with an
 * UNKNOWN one (sent, no readable answer). It reads the state from RSA again
 * and appends one RESOLUTION — APPLIED, NOT_APPLIED or STILL_UNKNOWN. While
 * RSA cannot be asked it looks again later with backoff, and only gives up
 * (STILL_UNKNOWN) after MAX_ATTEMPTS. Each change is claimed by one instance
 * at a time; the database allows one RESOLUTION per INTENT whatever happens.
 */

export interface ReconcileReport {
  examined: number;
  resolved: { intentId: string; serial: string | null; resolution: ChangeResolution }[];
  deferred: { intentId: string; serial: string | null; reason: string }[];
}

export const MAX_ATTEMPTS = 10;
const BASE_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 30 * 60_000;

export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
}

export async function reconcileOpenIntents(
  options: { olderThanSeconds?: number; now?: Date; resolver?: AuditActor } = {},
): Promise<ReconcileReport> {
  const now = options.now ?? new Date();
  const olderThan = options.olderThanSeconds ?? env().AUDIT_RECONCILE_AFTER_SECONDS;
  const cutoff = new Date(now.getTime() - olderThan * 1000);
  const instance = randomUUID();
  const open = await findUnsettledIntents(cutoff, now);

  const report: ReconcileReport = { examined: open.length, resolved: [], deferred: [] };
  for (const intent of open) {
    const attempts = await claimIntent(intent.id, instance, now);
    if (attempts === null) continue; // another instance is on it
    const outcome = await observe(intent);
    if (outcome.kind === "retry" && attempts + 1 < MAX_ATTEMPTS) {
      await postpone(intent.id, attempts + 1, new Date(now.getTime() + backoffMs(attempts + 1)), outcome.reason);
      report.deferred.push({ intentId: intent.id, serial: intent.serial, reason: outcome.reason });
      continue;
    }
    const resolution: ChangeResolution = outcome.kind === "retry" ? "STILL_UNKNOWN" : outcome.resolution;
    const details = {
      observedAt: new Date().toISOString(),
      attempts: attempts + 1,
      outcomeBefore: intent.outcome ?? "NONE",
      ...(outcome.kind === "retry" ? { gaveUp: outcome.reason } : {}),
    };
    try {
      await appendAuditEvent(
        auditEvents.changeResolution({
          intent: intentRef(intent),
          resolvedBy: options.resolver ?? SYSTEM_ACTORS.reconciler,
          resolution,
          stateBefore: intent.stateBefore,
          observed: outcome.kind === "observed" ? outcome.observed : null,
          details,
        }),
      );
      report.resolved.push({ intentId: intent.id, serial: intent.serial, resolution });
    } catch (error) {
      // The one-resolution-per-intent index said no: it was settled elsewhere meanwhile.
      logger().info({ err: error, intentId: intent.id }, "intent already resolved elsewhere");
    }
    await settle(intent.id);
  }
  if (report.examined > 0) logger().warn({ report }, "reconciled unsettled audit intents");
  return report;
}

type Observation =
  { kind: "observed"; resolution: ChangeResolution; observed: unknown } | { kind: "retry"; reason: string };

/** Reads the state again and judges what it says about the change. */
async function observe(intent: UnsettledIntent): Promise<Observation> {
  const definition = changeDefinitionFor(intent.action);
  const input = definition?.parseRecordedInput(intent.recordedInput);
  const before = definition?.parseState(intent.stateBefore);
  if (!definition || !input || !before) {
    return { kind: "observed", resolution: "STILL_UNKNOWN", observed: null };
  }
  try {
    const observed = await definition.read(input);
    return { kind: "observed", resolution: definition.judge(input, before, observed), observed };
  } catch (error) {
    if (!(error instanceof RsaError)) throw error;
    // Gone from RSA altogether: nothing to compare with.
    if (error.kind === "not_found") return { kind: "observed", resolution: "STILL_UNKNOWN", observed: null };
    return { kind: "retry", reason: `RSA ${error.kind}` };
  }
}

function intentRef(intent: UnsettledIntent): IntentRef {
  return {
    id: intent.id,
    actor: intent.actor,
    request: NO_REQUEST,
    change: {
      action: intent.action,
      serial: intent.serial,
      tokenType: intent.tokenType,
      rsaUserId: intent.rsaUserId,
      ticket: intent.ticket,
      reason: intent.reason,
      note: intent.note,
    },
  };
}
