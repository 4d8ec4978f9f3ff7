import "server-only";
import { randomUUID } from "node:crypto";
import { appendAuditEvent } from "@/lib/audit/append";
import { auditEvents, type AuditActor, type AuditRequest, type IntentRef } from "@/lib/audit/events";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import type { AppErrorCode } from "@/lib/guard/error-codes";
import { logger } from "@/lib/logger";
import { RsaError } from "@/lib/rsa/errors";
import { acquireChangeLock, releaseChangeLock } from "@/lib/tokens/change-lock";
import type { ChangeDefinition } from "@/lib/tokens/change-definition";
import type { ChangeDetails } from "@/lib/tokens/change-reasons";
import { CHANGE_MESSAGES, rsaChangeFailure } from "@/lib/tokens/change-messages";
import { tokenStatusChange, type TokenStatusInput } from "@/lib/tokens/token-status-change";
import type { TokenAction, TokenSnapshot, TokenType } from "@/lib/tokens/token-actions";

export interface ChangeSuccess<State = TokenSnapshot> {
  intentId: string;
  before: State;
  after: State;
  /** The answer could not be read, but a fresh read shows the change made. */
  confirmedByReread?: boolean;
  /** Shown once to the agent, recorded nowhere (an emergency access code). */
  reveal?: Record<string, string>;
}

/**
 * The one path for every change: lock the token (or user), re-read it from
 * RSA, refuse if it is not what the agent saw or the change is not allowed,
 * commit the audit INTENT, call RSA, record the OUTCOME. RSA is never called
 * without a committed INTENT, and the OUTCOME never claims more than is known:
 * SUCCESS (RSA said so), FAILURE (RSA refused, or nothing was sent) or
 * UNKNOWN (sent, no readable answer) — which the reconciler later resolves.
 */
export async function runChange<Input, State>(
  definition: ChangeDefinition<Input, State>,
  input: Input,
  actor: AuditActor,
  request: AuditRequest,
  details: ChangeDetails,
  extra: { intentDetails?: Record<string, unknown> } = {},
): Promise<ActionResult<ChangeSuccess<State>>> {
  const reference = request.requestId ?? undefined;
  const facts = (before: State | null) => ({
    action: definition.action,
    ...definition.target(input, before),
    ticket: details.ticket,
    reason: details.reason,
    note: details.note || null,
  });
  const refuse = async (
    code: AppErrorCode,
    message: string,
    extraFacts: { before?: State | null; rsaStatus?: number; details?: Record<string, unknown> } = {},
  ) => {
    try {
      await appendAuditEvent(
        auditEvents.changeRefused({
          actor,
          request,
          change: facts(extraFacts.before ?? null),
          errorCode: code,
          rsaStatus: extraFacts.rsaStatus,
          stateBefore: extraFacts.before ?? null,
          details: { input: definition.recordedInput(input), ...extraFacts.details },
        }),
      );
    } catch (error) {
      logger().error({ err: error, requestId: request.requestId }, "audit write failed for a refused change");
    }
    return fail(code, message, { referenceId: reference, details: extraFacts.details });
  };

  const holder = randomUUID();
  const lockKey = definition.lockKey(input);
  let locked: boolean;
  try {
    locked = await acquireChangeLock(lockKey, holder);
  } catch (error) {
    logger().error(
      { err: error, requestId: request.requestId },
      "database unavailable before a change; RSA not called",
    );
    return fail("DATABASE_UNAVAILABLE", CHANGE_MESSAGES.databaseUnavailable, { referenceId: reference });
  }
  if (!locked) return refuse("BUSY", CHANGE_MESSAGES.busy);

  try {
    let before: State;
    try {
      before = await definition.read(input);
    } catch (error) {
      if (!(error instanceof RsaError)) throw error;
      const failure = rsaChangeFailure(error, "read-before-change");
      return refuse(failure.code, failure.message, { rsaStatus: error.httpStatus, details: failure.details });
    }

    const refusal = definition.refusal(input, before);
    if (refusal) return refuse(refusal.code, refusal.message, { before, details: refusal.details });

    const intent: IntentRef = { id: randomUUID(), actor, request, change: facts(before) };
    try {
      await appendAuditEvent(
        auditEvents.changeIntent({
          intent,
          stateBefore: before,
          details: { input: definition.recordedInput(input), ...extra.intentDetails },
        }),
      );
    } catch (error) {
      logger().error({ err: error, requestId: request.requestId }, "audit INTENT write failed; RSA not called");
      return fail("AUDIT_UNAVAILABLE", CHANGE_MESSAGES.auditUnavailable, { referenceId: reference });
    }

    const started = performance.now();
    const attempt = await sendAndObserve(definition, input, before);
    const durationMs = Math.round(performance.now() - started);

    try {
      await appendAuditEvent(
        auditEvents.changeOutcome({
          intent,
          outcome: attempt.outcome,
          failure: attempt.error
            ? { rsaStatus: attempt.error.httpStatus ?? null, errorCode: attempt.errorCode }
            : { rsaStatus: attempt.outcome === "SUCCESS" ? 200 : null, errorCode: attempt.errorCode },
          stateBefore: before,
          stateAfter: attempt.after,
          durationMs,
          details: attempt.error?.rsaDescription
            ? { rsaDescription: attempt.error.rsaDescription, rsaCode: attempt.error.rsaCode ?? null }
            : attempt.errorCode
              ? { observedAfterUnreadableAnswer: attempt.after }
              : null,
        }),
      );
    } catch (error) {
      // The INTENT stays open; the reconciler looks the state up and records what happened.
      logger().error(
        { err: error, requestId: request.requestId, intentId: intent.id },
        "audit OUTCOME write failed; left for the reconciler",
      );
    }

    if (attempt.outcome === "SUCCESS") {
      return ok({
        intentId: intent.id,
        before,
        after: attempt.after as State,
        confirmedByReread: attempt.errorCode !== null || undefined,
        reveal: attempt.reveal,
      });
    }
    const error = attempt.error!;
    logger().warn(
      { requestId: request.requestId, kind: error.kind, rsaStatus: error.httpStatus, rsa: error.rsaDescription },
      attempt.outcome === "UNKNOWN" ? "RSA change outcome unknown" : "RSA change failed",
    );
    const failure = rsaChangeFailure(error, attempt.outcome === "UNKNOWN" ? "unknown" : "change");
    return fail(failure.code, failure.message, { referenceId: reference, details: failure.details });
  } finally {
    await releaseChangeLock(lockKey, holder).catch((error) =>
      logger().error(
        { err: error, requestId: request.requestId },
        "could not release a change lock; it expires by itself",
      ),
    );
  }
}

interface Attempt<State> {
  outcome: "SUCCESS" | "FAILURE" | "UNKNOWN";
  after: State | null;
  error: RsaError | null;
  /** Set when SUCCESS rests on a re-read because RSA's answer could not be read. */
  errorCode: string | null;
  reveal?: Record<string, string>;
}

/** Calls RSA once (changes are never retried) and says what is known afterwards. */
async function sendAndObserve<Input, State>(
  definition: ChangeDefinition<Input, State>,
  input: Input,
  before: State,
): Promise<Attempt<State>> {
  try {
    const sent = await definition.send(input, before);
    return { outcome: "SUCCESS", after: sent.after, error: null, errorCode: null, reveal: sent.reveal };
  } catch (error) {
    if (!(error instanceof RsaError)) throw error;
    if (!error.mayHaveBeenApplied) return { outcome: "FAILURE", after: null, error, errorCode: errorCodeOf(error) };
    // RSA answered 2xx but the answer could not be read: a fresh read tells whether it was applied.
    // (After a timeout a fresh read proves little — RSA may still be working — so that waits for the reconciler.)
    if (error.httpStatus !== undefined && error.httpStatus >= 200 && error.httpStatus < 300) {
      const observed = await definition.read(input).catch(() => null);
      if (observed !== null && definition.judge(input, before, observed) === "APPLIED") {
        return { outcome: "SUCCESS", after: observed, error: null, errorCode: "ANSWER_UNREADABLE" };
      }
    }
    return { outcome: "UNKNOWN", after: null, error, errorCode: errorCodeOf(error) };
  }
}

const errorCodeOf = (error: RsaError) => error.kind.toUpperCase();

/** A token status change (enable, disable, unassign) as the desk asks for it. */
export interface ChangeRequest {
  serial: string;
  tokenType: TokenType;
  action: TokenAction;
  /** The state the agent saw when they chose the action. */
  expected: TokenSnapshot;
  details: ChangeDetails;
}

export function changeToken(
  actor: AuditActor,
  request: ChangeRequest,
  context: AuditRequest,
): Promise<ActionResult<ChangeSuccess>> {
  const input: TokenStatusInput = {
    action: request.action,
    tokenType: request.tokenType,
    serial: request.serial,
    expected: request.expected,
  };
  return runChange(tokenStatusChange(request.action), input, actor, context, request.details);
}
