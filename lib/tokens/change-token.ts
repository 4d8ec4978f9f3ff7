import "server-only";
import { randomUUID } from "node:crypto";
import { appendAuditEvent } from "@/lib/audit/append";
import type { CurrentUser } from "@/lib/auth/current-user";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { logger } from "@/lib/logger";
import type { RequestContext } from "@/lib/request-context";
import { getRsaClient } from "@/lib/rsa/client";
import { RsaError } from "@/lib/rsa/errors";
import { actorFields } from "@/lib/tokens/actor";
import { acquireChangeLock, releaseChangeLock } from "@/lib/tokens/change-lock";
import type { ChangeDetails } from "@/lib/tokens/change-reasons";
import { readCurrentState, callRsaChange } from "@/lib/tokens/rsa-change-calls";
import { rsaFailureMessage } from "@/lib/tokens/rsa-messages";
import {
  allowedActions,
  sameSnapshot,
  type TokenAction,
  type TokenSnapshot,
  type TokenType,
} from "@/lib/tokens/token-actions";

export interface ChangeRequest {
  serial: string;
  tokenType: TokenType;
  action: TokenAction;
  /** The state the agent saw when they chose the action. */
  expected: TokenSnapshot;
  details: ChangeDetails;
}

export interface ChangeSuccess {
  intentId: string;
  before: TokenSnapshot;
  after: TokenSnapshot;
}

/**
 * The one path for a change: lock the serial, re-read it from RSA, check the
 * state is what the agent saw and allows the action, commit the audit INTENT,
 * call RSA, record the OUTCOME. RSA is never called without a committed INTENT.
 */
export async function changeToken(
  actor: CurrentUser,
  request: ChangeRequest,
  ctx: RequestContext,
): Promise<ActionResult<ChangeSuccess>> {
  const common = {
    ...actorFields(actor, ctx),
    action: request.action.toUpperCase(),
    serial: request.serial,
    tokenType: request.tokenType,
    ticket: request.details.ticket,
    reason: request.details.reason,
    note: request.details.note || null,
  };
  const refuse = async (
    code: string,
    message: string,
    extra: { rsaStatus?: number; before?: TokenSnapshot; description?: string; details?: Record<string, unknown> } = {},
  ) => {
    try {
      await appendAuditEvent({
        ...common,
        type: "CHANGE_REFUSED",
        rsaUserId: extra.before?.userId ?? request.expected.userId,
        outcome: "REFUSED",
        errorCode: code,
        rsaStatus: extra.rsaStatus ?? null,
        stateBefore: extra.before ?? null,
        details: { expected: request.expected, ...(extra.description ? { rsaDescription: extra.description } : {}) },
      });
    } catch (error) {
      logger().error({ err: error, requestId: ctx.requestId }, "audit write failed for a refused change");
    }
    return fail(code, message, { referenceId: ctx.requestId, details: extra.details });
  };

  const holder = randomUUID();
  let locked: boolean;
  try {
    locked = await acquireChangeLock(request.serial, holder);
  } catch (error) {
    logger().error({ err: error, requestId: ctx.requestId }, "database unavailable before a change; RSA not called");
    return fail(
      "AUDIT_UNAVAILABLE",
      "tokendesk's database is not available, so nothing was changed (every change must be recorded first). Try again in a minute; if it keeps happening, tell your administrator.",
      {
        referenceId: ctx.requestId,
      },
    );
  }
  if (!locked) {
    return refuse("BUSY", "Another change to this token is in progress. Wait a moment, then search again.");
  }
  try {
    let before: TokenSnapshot;
    try {
      before = await readCurrentState(request.tokenType, request.serial);
    } catch (error) {
      if (!(error instanceof RsaError)) throw error;
      return refuse(
        `RSA_${error.kind.toUpperCase()}`,
        rsaFailureMessage(error.kind, { retryAfterMs: error.retryAfterMs, change: false }),
        {
          rsaStatus: error.httpStatus,
          description: error.rsaDescription,
          details: error.retryAfterMs ? { retryAfterMs: error.retryAfterMs } : undefined,
        },
      );
    }

    if (!sameSnapshot(before, request.expected)) {
      return refuse(
        "STATE_CHANGED",
        "This token changed since you opened it (someone else may have acted). Nothing was done; check its current state.",
        {
          before,
          details: { current: before },
        },
      );
    }
    if (!allowedActions(request.tokenType, before).includes(request.action)) {
      return refuse("NOT_ALLOWED", `A token in this state cannot be ${request.action}d.`, { before });
    }

    const intentId = randomUUID();
    try {
      await appendAuditEvent({
        ...common,
        id: intentId,
        type: "CHANGE_INTENT",
        rsaUserId: before.userId,
        stateBefore: before,
      });
    } catch (error) {
      logger().error({ err: error, requestId: ctx.requestId }, "audit INTENT write failed; RSA not called");
      return fail(
        "AUDIT_UNAVAILABLE",
        "The audit trail could not be written, so nothing was changed. Try again; if it keeps happening, tell your administrator.",
        {
          referenceId: ctx.requestId,
        },
      );
    }

    const started = performance.now();
    let after: TokenSnapshot | null = null;
    let failure: RsaError | null = null;
    try {
      after = await callRsaChange(getRsaClient(), request.tokenType, request.action, request.serial, before);
    } catch (error) {
      if (!(error instanceof RsaError)) throw error;
      failure = error;
    }
    const durationMs = Math.round(performance.now() - started);

    try {
      await appendAuditEvent({
        ...common,
        type: "CHANGE_OUTCOME",
        intentId,
        rsaUserId: before.userId,
        outcome: failure ? "FAILURE" : "SUCCESS",
        rsaStatus: failure ? (failure.httpStatus ?? null) : 200,
        errorCode: failure ? failure.kind.toUpperCase() : null,
        stateBefore: before,
        stateAfter: after,
        durationMs,
        details: failure?.rsaDescription
          ? { rsaDescription: failure.rsaDescription, rsaCode: failure.rsaCode ?? null }
          : null,
      });
    } catch (error) {
      // The INTENT stays open; the reconciler looks the token up and records what happened.
      logger().error(
        { err: error, requestId: ctx.requestId, intentId },
        "audit OUTCOME write failed; left for the reconciler",
      );
    }

    if (failure) {
      logger().warn(
        { requestId: ctx.requestId, kind: failure.kind, rsaStatus: failure.httpStatus, rsa: failure.rsaDescription },
        "RSA change failed",
      );
      return fail(
        `RSA_${failure.kind.toUpperCase()}`,
        rsaFailureMessage(failure.kind, { retryAfterMs: failure.retryAfterMs, change: true }),
        {
          referenceId: ctx.requestId,
          details: failure.retryAfterMs ? { retryAfterMs: failure.retryAfterMs } : undefined,
        },
      );
    }
    return ok({ intentId, before, after: after! });
  } finally {
    await releaseChangeLock(request.serial, holder).catch((error) =>
      logger().error({ err: error, requestId: ctx.requestId }, "could not release a change lock; it expires by itself"),
    );
  }
}
