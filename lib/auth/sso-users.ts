import "server-only";
import { db } from "@/lib/db";
import { openSession } from "@/lib/auth/session-store";
import type { AuthenticatedUser } from "@/lib/auth/authenticate";
import type { Role } from "@/lib/auth/permissions";
import { roleForGroups, type RoleMap } from "@/lib/auth/sso-role-map";
import type { SsoIdentity } from "@/lib/auth/sso-claims";
import { SSO_ERRORS } from "@/lib/auth/sign-in-errors";
import { SsoFailure } from "@/lib/auth/sso-failures";
import { appendAuditEvent } from "@/lib/audit/append";
import { userActor } from "@/lib/audit/actors";
import { auditEvents, type AuditActor, type AuditRequest, type UserAdminAction } from "@/lib/audit/events";
import { logger } from "@/lib/logger";
import type { User } from "@/lib/generated/prisma/client";

/**
 * Turns a verified identity from the provider into a tokendesk session.
 * Users are found by (issuer, sub) — stable, unlike an e-mail address. A
 * first sign-in either links an existing user with the same e-mail (only when
 * the provider says the address is verified: otherwise anyone who can set an
 * e-mail at the provider could take over a tokendesk account) or creates one.
 * The role comes from the groups at every sign-in; no mapped group means no
 * way in, and a bound user's open sessions end. See docs/decisions/0008.
 */

export type SsoSignIn =
  { ok: true; user: AuthenticatedUser; sessionId: string } | { ok: false; failure: SsoFailure; actor: AuditActor };

/** The actor of the user changes single sign-on makes by itself (created, linked, role from groups). */
export const SSO_ACTOR: AuditActor = { kind: "system", name: "single sign-on" };

const view = (u: Pick<User, "email" | "displayName" | "role" | "disabled">) => ({
  email: u.email,
  name: u.displayName,
  role: u.role,
  disabled: u.disabled,
});

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/** A change to a user and its audit row: if the row cannot be written, the change is rolled back. */
async function audited(
  request: AuditRequest,
  action: UserAdminAction,
  change: (tx: Tx) => Promise<{ user: User; before: unknown; details?: Record<string, unknown> }>,
  outcome: "SUCCESS" | "REFUSED" = "SUCCESS",
): Promise<User> {
  return db().$transaction(async (tx) => {
    const done = await change(tx);
    await appendAuditEvent(
      auditEvents.userAdmin({
        actor: SSO_ACTOR,
        request,
        action,
        outcome,
        target: { id: done.user.id, email: done.user.email },
        before: done.before,
        after: view(done.user),
        details: done.details ?? null,
      }),
    );
    return done.user;
  });
}

const refuse = (code: SsoFailure["code"], detail: string, actor: AuditActor): SsoSignIn => ({
  ok: false,
  failure: new SsoFailure(code, detail),
  actor,
});

export async function signInWithSso(
  identity: SsoIdentity,
  roleMap: RoleMap,
  request: AuditRequest,
): Promise<SsoSignIn> {
  try {
    return await attempt(identity, roleMap, request);
  } catch (error) {
    // Two first sign-ins of one person at once: the second finds the user the first created.
    if ((error as { code?: unknown }).code !== "P2002") throw error;
    return attempt(identity, roleMap, request);
  }
}

async function attempt(identity: SsoIdentity, roleMap: RoleMap, request: AuditRequest): Promise<SsoSignIn> {
  const role = roleForGroups(identity.groups, roleMap);
  const mappedGroups = identity.groups.filter((group) => roleMap.has(group));
  const anonymous: AuditActor = { kind: "anonymous", email: identity.email };
  const bound = await db().user.findUnique({
    where: { ssoIssuer_ssoSubject: { ssoIssuer: identity.issuer, ssoSubject: identity.subject } },
  });
  const sameEmail = bound ? null : await db().user.findUnique({ where: { email: identity.email } });

  if (sameEmail) {
    if (sameEmail.ssoSubject !== null)
      return refuse(
        SSO_ERRORS.emailConflict,
        `${identity.email} belongs to a user bound to another identity`,
        anonymous,
      );
    if (!identity.emailVerified)
      return refuse(
        SSO_ERRORS.emailConflict,
        `${identity.email} belongs to an existing user and the provider does not say the address is verified`,
        anonymous,
      );
  }
  const existing = bound ?? sameEmail;
  if (existing?.disabled)
    return refuse(SSO_ERRORS.userDisabled, "the tokendesk account is disabled", userActor(existing));
  if (!role) {
    if (bound) await withdraw(bound, request);
    return refuse(
      SSO_ERRORS.noRole,
      identity.groups.length
        ? `none of the ${identity.groups.length} group(s) in the claim is in OIDC_ROLE_MAP`
        : "the group claim is missing or empty",
      existing ? userActor(existing) : anonymous,
    );
  }

  const user = bound
    ? await refresh(bound, identity, role, mappedGroups, request)
    : sameEmail
      ? await link(sameEmail, identity, role, mappedGroups, request)
      : await create(identity, role, mappedGroups, request);
  const sessionId = await openSession(user.id, { ipAddress: request.clientIp, userAgent: request.userAgent });
  await appendAuditEvent(auditEvents.signIn({ actor: userActor(user), request, method: "sso", sessionId }));
  return {
    ok: true,
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

function create(identity: SsoIdentity, role: Role, groups: string[], request: AuditRequest): Promise<User> {
  return audited(request, "USER_SSO_CREATED", async (tx) => ({
    user: await tx.user.create({
      data: {
        email: identity.email,
        displayName: identity.displayName,
        role,
        passwordHash: null,
        ssoIssuer: identity.issuer,
        ssoSubject: identity.subject,
      },
    }),
    before: null,
    details: { issuer: identity.issuer, subject: identity.subject, groups },
  }));
}

function link(user: User, identity: SsoIdentity, role: Role, groups: string[], request: AuditRequest): Promise<User> {
  return audited(request, "USER_SSO_LINKED", async (tx) => ({
    user: await tx.user.update({
      where: { id: user.id },
      data: {
        ssoIssuer: identity.issuer,
        ssoSubject: identity.subject,
        role,
        // A new role ends the sessions opened under the old one, as any role change does.
        ...(role !== user.role ? { sessionVersion: { increment: 1 } } : {}),
      },
    }),
    before: view(user),
    details: { issuer: identity.issuer, subject: identity.subject, groups, emailVerified: true },
  }));
}

/** A returning user: role from today's groups, e-mail and name from the provider. */
async function refresh(
  user: User,
  identity: SsoIdentity,
  role: Role,
  groups: string[],
  request: AuditRequest,
): Promise<User> {
  let current = user;
  if (role !== current.role) {
    current = await audited(request, "USER_ROLE", async (tx) => ({
      user: await tx.user.update({
        where: { id: user.id },
        data: { role, sessionVersion: { increment: 1 } },
      }),
      before: view(user),
      details: { source: "groups at single sign-on", groups },
    }));
  }
  const emailChanged = identity.email !== current.email;
  const emailFree =
    !emailChanged || !(await db().user.findUnique({ where: { email: identity.email }, select: { id: true } }));
  if (!emailFree)
    logger().warn(
      { userId: user.id },
      "single sign-on: the provider's e-mail for this user belongs to another tokendesk user; kept the old one",
    );
  const email = emailChanged && emailFree ? identity.email : current.email;
  if (email === current.email && identity.displayName === current.displayName) return current;
  const before = current;
  return audited(request, "USER_SSO_UPDATED", async (tx) => ({
    user: await tx.user.update({ where: { id: user.id }, data: { email, displayName: identity.displayName } }),
    before: view(before),
  }));
}

/** Out of every tokendesk group: this sign-in is refused, and the sessions the user still has end now. */
async function withdraw(user: User, request: AuditRequest): Promise<void> {
  await audited(
    request,
    "USER_SSO_REFUSED",
    async (tx) => {
      const ended = await tx.userSession.updateMany({
        where: { userId: user.id, endedAt: null },
        data: { endedAt: new Date(), endReason: "sso-no-group" },
      });
      return {
        user: await tx.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } }),
        before: view(user),
        details: { reason: "in no tokendesk group at the identity provider", sessionsEnded: ended.count },
      };
    },
    "REFUSED",
  );
}
