import "server-only";
import { appendAuditEvent } from "@/lib/audit/append";
import { userActor } from "@/lib/audit/actors";
import { auditEvents } from "@/lib/audit/events";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import type { RequestContext } from "@/lib/request-context";
import { getRsaClient } from "@/lib/rsa/client";
import { loadRsaConfig } from "@/lib/rsa/config";
import { RsaError } from "@/lib/rsa/errors";
import type { VerificationSession } from "@/lib/rsa/help-desk-types";
import { env } from "@/lib/env";
import { describeRsaFailure } from "@/lib/tokens/rsa-messages";
import { VERIFICATION_SENTENCES, verificationPhase, type VerificationPhase } from "@/lib/people/verification-words";

/**
 * Live verification of a caller (call 16): RSA pushes an approval request to
 * the user's phone, or the caller reads the code their authenticator shows.
 * Each step is audited (never the code); a verified caller's event is attached
 * to the next change the agent makes for them. It needs an OAuth client and
 * RSA's licence: with a legacy key, or once the tenant has answered 403 or 404,
 * this instance stops offering it.
 */

export interface VerificationView {
  phase: VerificationPhase;
  /** What RSA said, when tokendesk does not know the word. */
  rsaSays: string | null;
  method: string | null;
  expiresAt: string | null;
  /** The audit event of a finished verification (VERIFIED: attach it to the next change). */
  eventId: string | null;
  at: string;
}

let unavailableHere = false;

export function verificationAvailable(): boolean {
  if (unavailableHere) return false;
  try {
    return loadRsaConfig(env()).credential.kind === "oauth";
  } catch {
    return false;
  }
}

/** Test support: forget what this instance learned about the tenant. */
export function resetVerificationAvailability(): void {
  unavailableHere = false;
}

type Target = { userId: string; email: string | null };

const TERMINAL_OUTCOME: Partial<Record<VerificationPhase, "VERIFIED" | "DENIED" | "EXPIRED" | "CANCELLED">> = {
  verified: "VERIFIED",
  denied: "DENIED",
  expired: "EXPIRED",
  cancelled: "CANCELLED",
};

async function record(
  actor: CurrentUser,
  ctx: RequestContext,
  target: Target,
  outcome: Parameters<typeof auditEvents.callerVerification>[0]["outcome"],
  extra: { method?: string | null; session?: string | null; error?: RsaError } = {},
): Promise<string> {
  const event = auditEvents.callerVerification({
    actor: userActor(actor),
    request: ctx,
    rsaUserId: target.userId,
    email: target.email,
    outcome,
    method: extra.method,
    failure: extra.error
      ? { rsaStatus: extra.error.httpStatus ?? null, errorCode: extra.error.kind.toUpperCase() }
      : undefined,
    details: extra.session ? { session: extra.session } : null,
  });
  await appendAuditEvent(event);
  return event.id;
}

/** The audit event already recorded for this session's ending, if any (polls repeat). */
async function recordedEnding(target: Target, session: string | null): Promise<{ id: string } | null> {
  if (!session) return null;
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT id::text FROM audit_events
     WHERE type = 'CALLER_VERIFICATION' AND rsa_user_id = ${target.userId}
       AND outcome IN ('VERIFIED', 'DENIED', 'EXPIRED', 'CANCELLED') AND details->>'session' = ${session}
     ORDER BY seq DESC LIMIT 1`;
  return rows[0] ?? null;
}

async function view(
  actor: CurrentUser,
  ctx: RequestContext,
  target: Target,
  session: VerificationSession,
): Promise<VerificationView> {
  const phase = verificationPhase(session.verifyStatus);
  let eventId: string | null = null;
  const ending = TERMINAL_OUTCOME[phase];
  if (ending) {
    eventId =
      (await recordedEnding(target, session.sessionExpiration))?.id ??
      (await record(actor, ctx, target, ending, {
        method: session.verificationMethod,
        session: session.sessionExpiration,
      }));
  }
  return {
    phase,
    rsaSays: phase === "unknown" ? session.verifyStatus : null,
    method: session.verificationMethod,
    expiresAt: session.sessionExpiration,
    eventId,
    at: new Date().toISOString(),
  };
}

/** Runs one verification call; a 403/404 means this tenant cannot verify callers (said once, then hidden). */
async function step(
  actor: CurrentUser,
  ctx: RequestContext,
  target: Target,
  call: () => Promise<VerificationSession>,
  started = false,
): Promise<ActionResult<VerificationView>> {
  if (!verificationAvailable()) return fail("NOT_ALLOWED", VERIFICATION_SENTENCES.unavailable);
  try {
    const session = await call();
    if (started) await record(actor, ctx, target, "STARTED", { session: session.sessionExpiration });
    return ok(await view(actor, ctx, target, session));
  } catch (error) {
    if (!(error instanceof RsaError)) throw error;
    const licence =
      error.kind === "credential_rejected" || error.kind === "not_found" || error.kind === "misconfigured";
    if (licence) {
      unavailableHere = true;
      await record(actor, ctx, target, "UNAVAILABLE", { error });
      return fail("NOT_ALLOWED", VERIFICATION_SENTENCES.unavailable, { referenceId: ctx.requestId });
    }
    await record(actor, ctx, target, "FAILED", { error });
    return fail(`RSA_${error.kind.toUpperCase()}`, describeRsaFailure(error, "lookup"), { referenceId: ctx.requestId });
  }
}

export const callerVerification = {
  start: (actor: CurrentUser, ctx: RequestContext, target: Target) =>
    step(actor, ctx, target, () => getRsaClient().startVerification(target.userId), true),
  status: (actor: CurrentUser, ctx: RequestContext, target: Target) =>
    step(actor, ctx, target, () => getRsaClient().verificationStatus(target.userId)),
  submitCode: (actor: CurrentUser, ctx: RequestContext, target: Target, code: string) =>
    step(actor, ctx, target, () => getRsaClient().submitVerificationCode(target.userId, code)),
  cancel: (actor: CurrentUser, ctx: RequestContext, target: Target) =>
    step(actor, ctx, target, () => getRsaClient().cancelVerification(target.userId)),
};

/** How long a verification vouches for the caller in the changes that follow it. */
const VOUCHES_FOR_MS = 15 * 60_000;

/**
 * The caller verification an agent attached to a change, checked: theirs, for
 * this user, verified, recent. Recorded in the change's INTENT details.
 */
export async function attachedVerification(
  actor: CurrentUser,
  rsaUserId: string | null,
  eventId: string | undefined,
): Promise<Record<string, unknown> | undefined> {
  if (!eventId || !rsaUserId) return undefined;
  const row = await db().auditEvent.findUnique({ where: { id: eventId } });
  if (
    !row ||
    row.type !== "CALLER_VERIFICATION" ||
    row.outcome !== "VERIFIED" ||
    row.actorId !== actor.id ||
    row.rsaUserId !== rsaUserId ||
    Date.now() - row.occurredAt.getTime() > VOUCHES_FOR_MS
  )
    return undefined;
  const method = (row.details as { method?: string | null } | null)?.method ?? null;
  return { callerVerified: { eventId, method, at: row.occurredAt.toISOString() } };
}
