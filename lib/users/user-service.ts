import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { generatePassword, hashPassword, passwordProblem } from "@/lib/auth/password";
import { parseRole, type Role } from "@/lib/auth/permissions";
import { clearSignInAttempts } from "@/lib/auth/sign-in-throttle";
import { appendAuditEvent } from "@/lib/audit/append";
import { auditEvents, type AuditActor, type AuditRequest, type UserAdminAction } from "@/lib/audit/events";

/**
 * Managing tokendesk's own users: used by the `npm run user` command line and
 * by demo-account seeding. Every change that affects access bumps
 * sessionVersion so open sessions end on their next request.
 */

/** What a refused user change was about, so the administration page can put the sentence beside the right field. */
export type UserProblem = "invalid" | "not-found" | "last-admin";

export class UserError extends Error {
  constructor(
    message: string,
    readonly problem: UserProblem = "invalid",
    /** The form field the sentence belongs to, when there is one. */
    readonly field?: "email" | "name" | "role" | "password",
  ) {
    super(message);
    this.name = "UserError";
  }
}

const emailSchema = z.string().trim().toLowerCase().email("is not a valid email address").max(254);
const nameSchema = z.string().trim().min(1, "must not be empty").max(120, "must be at most 120 characters");

export function normalizeEmail(input: string): string {
  const parsed = emailSchema.safeParse(input);
  if (!parsed.success)
    throw new UserError(`Email "${input}" ${parsed.error.issues[0]?.message ?? "is invalid"}.`, "invalid", "email");
  return parsed.data;
}

export function requireRole(input: string): Role {
  const role = parseRole(input);
  if (!role) throw new UserError(`Unknown role "${input}". Use one of: agent, supervisor, admin.`, "invalid", "role");
  return role;
}

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  isDemo: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
}

const summarySelect = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  disabled: true,
  isDemo: true,
  lastSignInAt: true,
  createdAt: true,
} as const;

/** Who is making a change to tokendesk's users, for the audit row it writes. */
export interface AdminContext {
  actor: AuditActor;
  request: AuditRequest;
  reason?: string | null;
}

/** The facts of a user the audit records before and after a change (never the password hash). */
const auditView = (u: Pick<UserSummary, "email" | "displayName" | "role" | "disabled">) => ({
  email: u.email,
  name: u.displayName,
  role: u.role,
  disabled: u.disabled,
});

/**
 * Makes a change and writes its audit row inside one database transaction: if
 * the audit row cannot be written, the change is rolled back.
 */
async function audited<T>(
  by: AdminContext,
  action: UserAdminAction,
  change: (tx: Tx) => Promise<{ result: T; target: { id: string; email: string }; before: unknown; after: unknown }>,
): Promise<T> {
  return db().$transaction(async (tx) => {
    const done = await change(tx);
    await appendAuditEvent(
      auditEvents.userAdmin({
        actor: by.actor,
        request: by.request,
        action,
        target: done.target,
        before: done.before,
        after: done.after,
        reason: by.reason ?? null,
      }),
    );
    return done.result;
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

interface NewUser {
  email: string;
  name: string;
  role: string;
  isDemo?: boolean;
}

export async function addUser(
  input: NewUser & { password?: string },
  by: AdminContext,
): Promise<{ user: UserSummary; password: string; generated: boolean }> {
  const password = input.password ?? generatePassword();
  const user = await createUser(input, password, "password", by);
  return { user, password, generated: !input.password };
}

/**
 * A user who signs in by single sign-on (or wherever passwords are turned
 * off): no password at all (NULL, so none can ever match). Their first
 * sign-in through the identity provider links this user by e-mail.
 */
export async function addSingleSignOnUser(input: NewUser, by: AdminContext): Promise<{ user: UserSummary }> {
  return { user: await createUser(input, null, "single sign-on", by) };
}

async function createUser(
  input: NewUser,
  password: string | null,
  signIn: "password" | "single sign-on",
  by: AdminContext,
): Promise<UserSummary> {
  const email = normalizeEmail(input.email);
  const name = nameSchema.safeParse(input.name);
  if (!name.success) throw new UserError(`Name ${name.error.issues[0]?.message}.`, "invalid", "name");
  const role = requireRole(input.role);
  const weak = password === null ? null : passwordProblem(password);
  if (weak) throw new UserError(weak, "invalid", "password");
  if (await db().user.findUnique({ where: { email }, select: { id: true } }))
    throw new UserError(`A user with email ${email} already exists.`, "invalid", "email");
  const passwordHash = password === null ? null : await hashPassword(password);
  return audited(by, "USER_ADD", async (tx) => {
    const created = await tx.user.create({
      data: { email, displayName: name.data, role, passwordHash, isDemo: input.isDemo ?? false },
      select: summarySelect,
    });
    const after = signIn === "password" ? auditView(created) : { ...auditView(created), signIn };
    return { result: created, target: { id: created.id, email }, before: null, after };
  });
}

export async function listUsers(): Promise<UserSummary[]> {
  return db().user.findMany({ select: summarySelect, orderBy: [{ role: "asc" }, { email: "asc" }] });
}

/** Would this change leave tokendesk without an active administrator? */
async function leavesNoAdmin(
  tx: Tx,
  user: { id: string; role: Role; disabled: boolean },
  next: { role: Role; disabled: boolean },
) {
  if (user.role !== "ADMIN" || user.disabled) return false;
  if (next.role === "ADMIN" && !next.disabled) return false;
  const others = await tx.user.count({ where: { role: "ADMIN", disabled: false, id: { not: user.id } } });
  return others === 0;
}

async function update(
  email: string,
  by: AdminContext,
  action: UserAdminAction,
  data: { role?: Role; disabled?: boolean; passwordHash?: string },
): Promise<UserSummary> {
  const normalized = normalizeEmail(email);
  return audited(by, action, async (tx) => {
    // Locked for the transaction, so two administrators cannot demote the last two admins at once.
    const [existing] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id::text FROM users WHERE email = ${normalized} FOR UPDATE`;
    if (!existing) throw new UserError(`No user with email ${normalized}.`, "not-found");
    if (data.role !== undefined || data.disabled !== undefined) {
      await tx.$executeRaw`SELECT 1 FROM users WHERE role = 'ADMIN' FOR UPDATE`;
    }
    const before = await tx.user.findUniqueOrThrow({ where: { id: existing.id }, select: summarySelect });
    const next = { role: data.role ?? before.role, disabled: data.disabled ?? before.disabled };
    if (await leavesNoAdmin(tx, before, next))
      throw new UserError(
        `${before.email} is the last active administrator; make someone else an administrator first.`,
        "last-admin",
      );
    const after = await tx.user.update({
      where: { id: existing.id },
      data: { ...data, sessionVersion: { increment: 1 } },
      select: summarySelect,
    });
    return {
      result: after,
      target: { id: after.id, email: after.email },
      before: auditView(before),
      after: auditView(after),
    };
  });
}

export function setRole(email: string, role: string, by: AdminContext): Promise<UserSummary> {
  return update(email, by, "USER_ROLE", { role: requireRole(role) });
}

export function setDisabled(email: string, disabled: boolean, by: AdminContext): Promise<UserSummary> {
  return update(email, by, disabled ? "USER_DISABLE" : "USER_ENABLE", { disabled });
}

export async function resetPassword(
  email: string,
  password: string | undefined,
  by: AdminContext,
): Promise<{ user: UserSummary; password: string; generated: boolean }> {
  const generated = !password;
  const next = password ?? generatePassword();
  const weak = passwordProblem(next);
  if (weak) throw new UserError(weak, "invalid", "password");
  const user = await update(email, by, "USER_PASSWORD_RESET", { passwordHash: await hashPassword(next) });
  await clearSignInAttempts(user.email);
  return { user, password: next, generated };
}

/**
 * Ends every session of a user at once: each open session row is closed (so
 * checkSession refuses it on its next request) and sessionVersion is bumped
 * (so a cookie naming a session not yet recorded is refused too). The user
 * stays enabled and may sign in again.
 */
export async function endSessions(email: string, by: AdminContext): Promise<{ user: UserSummary; ended: number }> {
  const normalized = normalizeEmail(email);
  return audited(by, "USER_SESSIONS_ENDED", async (tx) => {
    const [existing] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id::text FROM users WHERE email = ${normalized} FOR UPDATE`;
    if (!existing) throw new UserError(`No user with email ${normalized}.`, "not-found");
    const ended = await tx.userSession.updateMany({
      where: { userId: existing.id, endedAt: null },
      data: { endedAt: new Date(), endReason: "ended-by-admin" },
    });
    const user = await tx.user.update({
      where: { id: existing.id },
      data: { sessionVersion: { increment: 1 } },
      select: summarySelect,
    });
    return {
      result: { user, ended: ended.count },
      target: { id: user.id, email: user.email },
      before: { ...auditView(user), openSessions: ended.count },
      after: { ...auditView(user), openSessions: 0 },
    };
  });
}
