import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { generatePassword, hashPassword, passwordProblem } from "@/lib/auth/password";
import { parseRole, type Role } from "@/lib/auth/permissions";

/**
 * Managing tokendesk's own users: used by the `npm run user` command line and
 * by demo-account seeding. Every change that affects access bumps
 * sessionVersion so open sessions end on their next request.
 */

export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}

const emailSchema = z.string().trim().toLowerCase().email("is not a valid email address").max(254);
const nameSchema = z.string().trim().min(1, "must not be empty").max(120, "must be at most 120 characters");

export function normalizeEmail(input: string): string {
  const parsed = emailSchema.safeParse(input);
  if (!parsed.success) throw new UserError(`Email "${input}" ${parsed.error.issues[0]?.message ?? "is invalid"}.`);
  return parsed.data;
}

export function requireRole(input: string): Role {
  const role = parseRole(input);
  if (!role) throw new UserError(`Unknown role "${input}". Use one of: agent, supervisor, admin.`);
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

export async function addUser(input: {
  email: string;
  name: string;
  role: string;
  password?: string;
  isDemo?: boolean;
}): Promise<{ user: UserSummary; password: string; generated: boolean }> {
  const email = normalizeEmail(input.email);
  const name = nameSchema.safeParse(input.name);
  if (!name.success) throw new UserError(`Name ${name.error.issues[0]?.message}.`);
  const role = requireRole(input.role);
  const generated = !input.password;
  const password = input.password ?? generatePassword();
  const weak = passwordProblem(password);
  if (weak) throw new UserError(weak);
  if (await db().user.findUnique({ where: { email }, select: { id: true } }))
    throw new UserError(`A user with email ${email} already exists.`);
  const user = await db().user.create({
    data: {
      email,
      displayName: name.data,
      role,
      passwordHash: await hashPassword(password),
      isDemo: input.isDemo ?? false,
    },
    select: summarySelect,
  });
  return { user, password, generated };
}

export async function listUsers(): Promise<UserSummary[]> {
  return db().user.findMany({ select: summarySelect, orderBy: [{ role: "asc" }, { email: "asc" }] });
}

async function update(email: string, data: Parameters<ReturnType<typeof db>["user"]["update"]>[0]["data"]) {
  const normalized = normalizeEmail(email);
  const existing = await db().user.findUnique({ where: { email: normalized }, select: { id: true } });
  if (!existing) throw new UserError(`No user with email ${normalized}.`);
  return db().user.update({
    where: { id: existing.id },
    data: { ...data, sessionVersion: { increment: 1 } },
    select: summarySelect,
  });
}

export function setRole(email: string, role: string): Promise<UserSummary> {
  return update(email, { role: requireRole(role) });
}

export function setDisabled(email: string, disabled: boolean): Promise<UserSummary> {
  return update(email, { disabled });
}

export async function resetPassword(
  email: string,
  password?: string,
): Promise<{ user: UserSummary; password: string; generated: boolean }> {
  const generated = !password;
  const next = password ?? generatePassword();
  const weak = passwordProblem(next);
  if (weak) throw new UserError(weak);
  const user = await update(email, { passwordHash: await hashPassword(next) });
  return { user, password: next, generated };
}
