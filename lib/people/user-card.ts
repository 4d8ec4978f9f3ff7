import "server-only";
import { appendAuditEvent } from "@/lib/audit/append";
import { userActor } from "@/lib/audit/actors";
import { auditEvents } from "@/lib/audit/events";
import { lastStatusChanges, type LastChange } from "@/lib/audit/serial-history";
import type { CurrentUser } from "@/lib/auth/current-user";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { logger } from "@/lib/logger";
import { verificationAvailable } from "@/lib/people/caller-verification";
import { displayName, rememberUsers } from "@/lib/people/directory";
import { AUDIT_UNAVAILABLE } from "@/lib/people/find-people";
import { issuedEmergencyCode, type IssuedCode } from "@/lib/people/issued-codes";
import type { RequestContext } from "@/lib/request-context";
import { getRsaClient } from "@/lib/rsa/client";
import { RsaError } from "@/lib/rsa/errors";
import type { SidToken } from "@/lib/rsa/types";
import type { DeviceSummary, RsaUser } from "@/lib/rsa/user-types";
import { describeRsaFailure } from "@/lib/tokens/rsa-messages";

const REFUSED_EMAIL = "RSA did not accept this e-mail address. Check it with the caller.";

/**
 * Everything the desk shows about a caller found by e-mail: the user record
 * (call 11), every authenticator they hold (call 12), the changes tokendesk
 * made to their tokens, and what the agent may do about them.
 */

/** A user may hold at most five active (assigned and enabled) SID700 tokens [vendor]. */
export const MAX_ACTIVE_TOKENS = 5;

export interface Ds100Group {
  deviceSerial: string;
  credentials: DeviceSummary[];
}

export interface UserCard {
  user: RsaUser;
  name: string | null;
  tokens: SidToken[];
  /** SID700 records RSA sent that tokendesk could not read. */
  hiddenTokens: number;
  ds100: Ds100Group[];
  phones: DeviceSummary[];
  fidoKeys: DeviceSummary[];
  activeTokens: number;
  /** The changes tokendesk made to these tokens, for "Disabled by … on …". */
  lastChanges: Record<string, LastChange>;
  /** The emergency access code tokendesk issued and has not cancelled (so it can cancel it). */
  issuedCode: IssuedCode | null;
  verificationAvailable: boolean;
  /** Set when the authenticators could not be read: the card shows the user without them. */
  devicesProblem: string | null;
}

const isDs100 = (d: DeviceSummary) => /ds100/i.test(d.deviceType ?? "") || d.deviceSerialNumber !== null;

function groupDs100(devices: DeviceSummary[]): Ds100Group[] {
  const groups = new Map<string, DeviceSummary[]>();
  for (const d of devices.filter(isDs100)) {
    const key = d.deviceSerialNumber ?? d.tokenSerialNumber ?? "?";
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups].map(([deviceSerial, credentials]) => ({ deviceSerial, credentials }));
}

export async function loadUserCard(
  actor: CurrentUser,
  email: string,
  ctx: RequestContext,
): Promise<ActionResult<UserCard | { found: false; email: string }>> {
  const rsa = getRsaClient();
  let user: RsaUser | null = null;
  let failure: RsaError | null = null;
  try {
    user = await rsa.lookupUserByEmail(email);
  } catch (error) {
    if (!(error instanceof RsaError)) throw error;
    if (error.kind !== "not_found") failure = error;
  }

  try {
    await appendAuditEvent(
      auditEvents.lookup({
        actor: userActor(actor),
        request: ctx,
        action: "USER_LOOKUP",
        serial: null,
        tokenType: null,
        rsaUserId: user?.id ?? null,
        outcome: failure ? "FAILED" : user ? "FOUND" : "NOT_FOUND",
        failure: failure ? { rsaStatus: failure.httpStatus ?? null, errorCode: failure.kind.toUpperCase() } : undefined,
        details: { email },
      }),
    );
  } catch (error) {
    logger().error({ err: error, requestId: ctx.requestId }, "audit write failed for a user lookup");
    return fail("AUDIT_UNAVAILABLE", AUDIT_UNAVAILABLE, { referenceId: ctx.requestId });
  }
  if (failure) {
    // RSA refusing what was typed is about the caller's address, not a serial: say so.
    const message =
      failure.kind === "bad_request" && !failure.nothingSent ? REFUSED_EMAIL : describeRsaFailure(failure, "lookup");
    return fail(`RSA_${failure.kind.toUpperCase()}`, message, {
      referenceId: ctx.requestId,
    });
  }
  if (!user) return ok({ found: false, email });
  await rememberUsers([user]).catch((error) =>
    logger().warn({ err: error, requestId: ctx.requestId }, "could not remember a user in the directory"),
  );

  let devicesProblem: string | null = null;
  let devices: Awaited<ReturnType<typeof rsa.listUserDevices>> = {
    devices: [],
    fidoTokens: [],
    sidTokens: [],
    hiddenSidTokens: 0,
  };
  try {
    devices = await rsa.listUserDevices(user.id);
  } catch (error) {
    if (!(error instanceof RsaError)) throw error;
    devicesProblem = describeRsaFailure(error, "lookup");
  }
  const tokens = devices.sidTokens;
  const [lastChanges, issuedCode] = await Promise.all([
    lastStatusChanges(tokens.map((t) => t.tokenSerialNumber)),
    issuedEmergencyCode(user.id),
  ]);
  return ok({
    user,
    name: displayName(user),
    tokens,
    hiddenTokens: devices.hiddenSidTokens,
    ds100: groupDs100(devices.devices),
    phones: devices.devices.filter((d) => !isDs100(d)),
    fidoKeys: devices.fidoTokens,
    activeTokens: tokens.filter((t) => t.userId === user.id && t.tokenStatus === "Enabled").length,
    lastChanges: Object.fromEntries(lastChanges),
    issuedCode,
    verificationAvailable: verificationAvailable(),
    devicesProblem,
  });
}
