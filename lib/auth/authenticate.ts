import "server-only";
import { db } from "@/lib/db";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { openSession } from "@/lib/auth/session-store";
import type { Role } from "@/lib/auth/permissions";

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
 * password and a disabled account.
 */
export async function authenticate(
  email: string,
  password: string,
  meta: { ipAddress: string | null; userAgent: string | null },
): Promise<{ user: AuthenticatedUser; sessionId: string } | null> {
  const user = await db().user.findUnique({ where: { email: email.toLowerCase() } });
  if (!user) {
    await burnPasswordCheck(password);
    return null;
  }
  const valid = await verifyPassword(password, user.passwordHash);
  if (!valid || user.disabled) return null;
  const sessionId = await openSession(user.id, meta);
  return {
    user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role, sessionVersion: user.sessionVersion },
    sessionId,
  };
}
