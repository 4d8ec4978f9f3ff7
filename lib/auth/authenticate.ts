import "server-only";
import { db } from "@/lib/db";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { openSession } from "@/lib/auth/session-store";
import type { Role } from "@/lib/auth/permissions";
import { appendAuditEvent } from "@/lib/audit/append";
import { userActor } from "@/lib/audit/actors";
import { auditEvents, type AuditRequest, type SignInFailure } from "@/lib/audit/events";
import { admitSignInAttempt, forgetSuccessfulAttempt, SignInThrottledError } from "@/lib/auth/sign-in-throttle";

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
 * password and a disabled account. The attempt is counted before the password
 * is checked; too many throw SignInThrottledError (see sign-in-throttle.ts).
 * A database that cannot be reached throws (callers say so, never "wrong password").
 */
export async function authenticate(
  rawEmail: string,
  password: string,
  meta: { ipAddress: string | null; userAgent: string | null; requestId?: string | null },
): Promise<{ user: AuthenticatedUser; sessionId: string } | null> {
  const email = rawEmail.toLowerCase();
  const request: AuditRequest = {
    requestId: meta.requestId ?? null,
    clientIp: meta.ipAddress,
    userAgent: meta.userAgent,
  };
  const failed = (actor: Parameters<typeof auditEvents.signInFailed>[0]["actor"], outcome: SignInFailure) =>
    appendAuditEvent(auditEvents.signInFailed({ actor, request, outcome }));

  try {
    await admitSignInAttempt(email, meta.ipAddress);
  } catch (error) {
    if (error instanceof SignInThrottledError) {
      await failed({ kind: "anonymous", email }, "THROTTLED");
    }
    throw error;
  }
  const user = await db().user.findUnique({ where: { email } });
  if (!user) {
    await burnPasswordCheck(password);
    await failed({ kind: "anonymous", email }, "UNKNOWN_EMAIL");
    return null;
  }
  if (user.passwordHash === null) {
    // Created by single sign-on: no password can match. Just as slow, and the browser hears the same sentence.
    await burnPasswordCheck(password);
    await failed(userActor(user), user.disabled ? "USER_DISABLED" : "NO_PASSWORD");
    return null;
  }
  const valid = await verifyPassword(password, user.passwordHash);
  if (!valid || user.disabled) {
    await failed(userActor(user), user.disabled ? "USER_DISABLED" : "WRONG_PASSWORD");
    return null;
  }
  await forgetSuccessfulAttempt(email, meta.ipAddress);
  const sessionId = await openSession(user.id, meta);
  await appendAuditEvent(auditEvents.signIn({ actor: userActor(user), request, method: "password", sessionId }));
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
