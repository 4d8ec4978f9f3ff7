import "server-only";
import { db } from "@/lib/db";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { openSession } from "@/lib/auth/session-store";
import type { Role } from "@/lib/auth/permissions";
import { appendAuditEvent } from "@/lib/audit/append";
import { MAX_FAILED_SIGN_INS, recentFailedSignIns, SignInThrottledError } from "@/lib/auth/sign-in-throttle";

export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  sessionVersion: number;
}

/**
 * Checks an email and password and opens a session. Every failure returns null
 * so the sign-in page says the same thing for an unknown email, a wrong
 * password and a disabled account. Too many recent failures for the email
 * throw SignInThrottledError instead (see sign-in-throttle.ts).
 */
export async function authenticate(
  email: string,
  password: string,
  meta: { ipAddress: string | null; userAgent: string | null },
): Promise<{ user: AuthenticatedUser; sessionId: string } | null> {
  const request = { clientIp: meta.ipAddress, userAgent: meta.userAgent };
  if ((await recentFailedSignIns(email.toLowerCase())) >= MAX_FAILED_SIGN_INS) {
    await appendAuditEvent({
      type: "SIGN_IN_FAILED",
      actorEmail: email.toLowerCase(),
      outcome: "THROTTLED",
      ...request,
    });
    throw new SignInThrottledError();
  }
  const user = await db().user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user) {
    await burnPasswordCheck(password);
    await appendAuditEvent({
      type: "SIGN_IN_FAILED",
      actorEmail: email.toLowerCase(),
      outcome: "UNKNOWN_EMAIL",
      ...request,
    });
    return null;
  }
  const valid = await verifyPassword(password, user.passwordHash);
  if (!valid || user.disabled) {
    await appendAuditEvent({
      type: "SIGN_IN_FAILED",
      ...actorOf(user),
      outcome: user.disabled ? "USER_DISABLED" : "WRONG_PASSWORD",
      ...request,
    });
    return null;
  }
  const sessionId = await openSession(user.id, meta);
  await appendAuditEvent({ type: "SIGN_IN", ...actorOf(user), outcome: "SUCCESS", details: { sessionId }, ...request });
  return {
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      sessionVersion: user.sessionVersion,
    },
    sessionId,
  };
}

function actorOf(user: { id: string; email: string; displayName: string; role: string }) {
  return { actorId: user.id, actorEmail: user.email, actorName: user.displayName, actorRole: user.role };
}
