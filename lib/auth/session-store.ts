import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db/pg-pool";
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

interface SessionRow {
  user_id: string;
  created_at: Date;
  last_seen_at: Date;
  ended_at: Date | null;
  end_reason: string | null;
  email: string;
  display_name: string;
  role: Role;
  disabled: boolean;
  session_version: number;
}

// A session's JWT names it by a uuid; anything else cannot be one of ours (and must not reach a uuid column).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs on every request (lib/auth/current-user.ts): one round trip on the
 * plain pool, the session and its user together, rather than Prisma's two.
 */
export async function checkSession(claims: SessionClaims, now = new Date()): Promise<SessionCheck> {
  if (!UUID.test(claims.sid)) return { ok: false, reason: "unknown-session" };
  const { rows } = await pgPool().query<SessionRow>(
    `SELECT s.user_id, s.created_at, s.last_seen_at, s.ended_at, s.end_reason,
            u.email, u.display_name, u.role::text AS role, u.disabled, u.session_version
       FROM user_sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1`,
    [claims.sid],
  );
  const session = rows[0];
  if (!session || session.user_id !== claims.uid) return { ok: false, reason: "unknown-session" };
  if (session.ended_at) return { ok: false, reason: session.end_reason ?? "ended" };
  if (session.disabled) return end(claims.sid, "user-disabled");
  if (session.session_version !== claims.sv) return end(claims.sid, "session-version-changed");

  const { SESSION_MAX_AGE_MINUTES, SESSION_IDLE_MINUTES } = env();
  if (now.getTime() - session.created_at.getTime() > SESSION_MAX_AGE_MINUTES * 60_000)
    return end(claims.sid, "expired");
  if (now.getTime() - session.last_seen_at.getTime() > SESSION_IDLE_MINUTES * 60_000) return end(claims.sid, "idle");

  if (now.getTime() - session.last_seen_at.getTime() > TOUCH_INTERVAL_MS) await touch(claims.sid, now);
  return {
    ok: true,
    user: {
      id: session.user_id,
      email: session.email,
      displayName: session.display_name,
      role: session.role,
      sessionId: claims.sid,
    },
  };
}

// Requests of one session arriving together share one touch (not one UPDATE each, queued on the row's lock).
const touching = new Map<string, Promise<void>>();

/** Moves the idle clock; a touch another request or instance already made is not made again. */
function touch(sessionId: string, now: Date): Promise<void> {
  let pending = touching.get(sessionId);
  if (!pending) {
    pending = pgPool()
      .query("UPDATE user_sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $3", [
        sessionId,
        now,
        new Date(now.getTime() - TOUCH_INTERVAL_MS),
      ])
      .then(() => {})
      .finally(() => touching.delete(sessionId));
    touching.set(sessionId, pending);
  }
  return pending;
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
