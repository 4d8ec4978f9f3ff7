import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/auth/permissions";
import { appendAuditEvent } from "@/lib/audit/append";
import { userActor } from "@/lib/audit/actors";
import { auditEvents } from "@/lib/audit/events";

/**
 * Server-side state of each sign-in. The JWT only names a session; this table
 * decides whether it is still good: user enabled, sessionVersion unchanged,
 * inside the absolute lifetime and the idle timeout.
 */

export interface SessionClaims {
  uid: string;
  sid: string;
  sv: number;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  sessionId: string;
}

// Writing last_seen_at on every request would be a write per page view.
const TOUCH_INTERVAL_MS = 30_000;

export async function openSession(
  userId: string,
  meta: { ipAddress?: string | null; userAgent?: string | null },
): Promise<string> {
  const id = randomUUID();
  await db().$transaction([
    db().userSession.create({
      data: { id, userId, ipAddress: meta.ipAddress ?? null, userAgent: meta.userAgent?.slice(0, 512) ?? null },
    }),
    db().user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } }),
  ]);
  return id;
}

export type SessionCheck = { ok: true; user: SessionUser } | { ok: false; reason: string };

export async function checkSession(claims: SessionClaims, now = new Date()): Promise<SessionCheck> {
  const session = await db().userSession.findUnique({ where: { id: claims.sid }, include: { user: true } });
  if (!session || session.userId !== claims.uid) return { ok: false, reason: "unknown-session" };
  if (session.endedAt) return { ok: false, reason: session.endReason ?? "ended" };
  const { user } = session;
  if (user.disabled) return end(claims.sid, "user-disabled");
  if (user.sessionVersion !== claims.sv) return end(claims.sid, "session-version-changed");

  const { SESSION_MAX_AGE_MINUTES, SESSION_IDLE_MINUTES } = env();
  if (now.getTime() - session.createdAt.getTime() > SESSION_MAX_AGE_MINUTES * 60_000) return end(claims.sid, "expired");
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MINUTES * 60_000) return end(claims.sid, "idle");

  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db().userSession.update({ where: { id: claims.sid }, data: { lastSeenAt: now } });
  }
  return {
    ok: true,
    user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role, sessionId: session.id },
  };
}

async function end(sessionId: string, reason: string): Promise<SessionCheck> {
  await db().userSession.updateMany({
    where: { id: sessionId, endedAt: null },
    data: { endedAt: new Date(), endReason: reason },
  });
  return { ok: false, reason };
}

/**
 * Sign-out: ends this session and bumps the user's sessionVersion, so every
 * copy of any cookie this user holds stops working at once.
 */
export async function signOutEverywhere(claims: Pick<SessionClaims, "uid" | "sid">): Promise<void> {
  const user = await db().user.findUnique({ where: { id: claims.uid } });
  if (user) {
    await appendAuditEvent(auditEvents.signOut({ actor: userActor(user), sessionId: claims.sid }));
  }
  await db().$transaction([
    db().userSession.updateMany({
      where: { userId: claims.uid, endedAt: null },
      data: { endedAt: new Date(), endReason: "signed-out" },
    }),
    db().user.updateMany({ where: { id: claims.uid }, data: { sessionVersion: { increment: 1 } } }),
  ]);
}
