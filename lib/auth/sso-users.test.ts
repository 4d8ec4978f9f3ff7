import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NO_REQUEST } from "@/lib/audit/events";
import { authenticate } from "@/lib/auth/authenticate";
import { checkSession } from "@/lib/auth/session-store";
import { parseRoleMap } from "@/lib/auth/sso-role-map";
import { signInWithSso } from "@/lib/auth/sso-users";
import type { SsoIdentity } from "@/lib/auth/sso-claims";
import { addUser, setDisabled } from "@/lib/users/user-service";
import { BY_TEST } from "@/lib/test-support/audit-events";

const ROLE_MAP = parseRoleMap("helpdesk=agent,helpdesk-leads=supervisor,it-admins=admin").map;
const ISSUER = "https://idp.example.com";

function identity(subject: string, extra: Partial<SsoIdentity> = {}): SsoIdentity {
  return {
    issuer: ISSUER,
    subject,
    email: `${subject}@example.com`,
    emailVerified: true,
    displayName: `Person ${subject}`,
    groups: ["helpdesk"],
    ...extra,
  };
}

const signIn = (who: SsoIdentity) => signInWithSso(who, ROLE_MAP, NO_REQUEST);

async function auditRows(email: string) {
  const rows = await db().auditEvent.findMany({ orderBy: { seq: "asc" } });
  return rows
    .filter((r) => r.actorEmail === email || (r.details as { target?: { email?: string } })?.target?.email === email)
    .map((r) => ({ type: r.type, action: r.action, outcome: r.outcome, actor: r.actorName ?? r.actorEmail }));
}

describe("a first single sign-on", () => {
  it("creates the user with the highest mapped role, no password, bound to issuer and sub; audited", async () => {
    const result = await signIn(identity("ada", { groups: ["staff", "helpdesk", "it-admins"] }));
    expect(result.ok).toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
    expect(user).toMatchObject({ role: "ADMIN", passwordHash: null, ssoIssuer: ISSUER, ssoSubject: "ada" });
    expect(await auditRows("ada@example.com")).toEqual([
      { type: "USER_ADMIN", action: "USER_SSO_CREATED", outcome: "SUCCESS", actor: "single sign-on" },
      { type: "SIGN_IN", action: null, outcome: "SUCCESS", actor: "Person ada" },
    ]);
    const signInRow = await db().auditEvent.findFirstOrThrow({ where: { type: "SIGN_IN", actorId: user.id } });
    expect(signInRow.details).toMatchObject({ method: "sso" });
  });

  it("opens a server-side session like a password sign-in", async () => {
    const result = await signIn(identity("bea"));
    if (!result.ok) throw new Error("expected a session");
    const check = await checkSession({ uid: result.user.id, sid: result.sessionId, sv: result.user.sessionVersion });
    expect(check).toMatchObject({ ok: true, user: { role: "AGENT", email: "bea@example.com" } });
  });

  it("refuses someone in no mapped group, and creates nobody", async () => {
    const result = await signIn(identity("cy", { groups: ["staff"] }));
    expect(result).toMatchObject({ ok: false, failure: { code: "SSO_NO_ROLE" } });
    expect(await db().user.findUnique({ where: { email: "cy@example.com" } })).toBeNull();
  });

  it("never lets a password in for a user created by sign-on", async () => {
    await signIn(identity("dee"));
    expect(
      await authenticate("dee@example.com", "any-password-at-all", { ipAddress: null, userAgent: null }),
    ).toBeNull();
    const [row] = await db().auditEvent.findMany({ where: { type: "SIGN_IN_FAILED", actorEmail: "dee@example.com" } });
    expect(row?.outcome).toBe("NO_PASSWORD");
  });
});

describe("the next single sign-on", () => {
  it("follows the groups: a new role is recorded and ends the sessions opened under the old one", async () => {
    const first = await signIn(identity("eve"));
    if (!first.ok) throw new Error("expected a session");
    const second = await signIn(identity("eve", { groups: ["helpdesk-leads"] }));
    expect(second).toMatchObject({ ok: true, user: { role: "SUPERVISOR" } });
    const old = await checkSession({ uid: first.user.id, sid: first.sessionId, sv: first.user.sessionVersion });
    expect(old.ok).toBe(false);
    const roleRow = await db().auditEvent.findFirstOrThrow({ where: { type: "USER_ADMIN", action: "USER_ROLE" } });
    expect(roleRow).toMatchObject({ actorName: "single sign-on", stateBefore: { role: "AGENT" } });
    expect(roleRow.stateAfter).toMatchObject({ role: "SUPERVISOR" });
  });

  it("refuses a user removed from every group, ends their open sessions and audits both", async () => {
    const first = await signIn(identity("fay"));
    if (!first.ok) throw new Error("expected a session");
    const refused = await signIn(identity("fay", { groups: [] }));
    expect(refused).toMatchObject({ ok: false, failure: { code: "SSO_NO_ROLE" }, actor: { kind: "user" } });
    const open = await checkSession({ uid: first.user.id, sid: first.sessionId, sv: first.user.sessionVersion });
    expect(open.ok).toBe(false);
    const row = await db().auditEvent.findFirstOrThrow({ where: { action: "USER_SSO_REFUSED" } });
    expect(row).toMatchObject({ outcome: "REFUSED", details: expect.objectContaining({ sessionsEnded: 1 }) });
  });

  it("keeps e-mail and name in step with the provider, matching by sub", async () => {
    await signIn(identity("gus"));
    const moved = await signIn(identity("gus", { email: "gus.new@example.com", displayName: "Gus New" }));
    expect(moved).toMatchObject({ ok: true, user: { email: "gus.new@example.com", displayName: "Gus New" } });
    expect(await db().user.count({ where: { ssoSubject: "gus" } })).toBe(1);
    const row = await db().auditEvent.findFirstOrThrow({ where: { action: "USER_SSO_UPDATED" } });
    expect(row.stateBefore).toMatchObject({ email: "gus@example.com" });
  });

  it("keeps the old e-mail when the new one belongs to someone else", async () => {
    await addUser({ email: "taken@example.com", name: "Taken", role: "agent" }, BY_TEST);
    await signIn(identity("hal"));
    const result = await signIn(identity("hal", { email: "taken@example.com" }));
    expect(result).toMatchObject({ ok: true, user: { email: "hal@example.com" } });
  });

  it("refuses a user disabled in tokendesk, whatever the groups say", async () => {
    await signIn(identity("ivy"));
    await setDisabled("ivy@example.com", true, BY_TEST);
    expect(await signIn(identity("ivy", { groups: ["it-admins"] }))).toMatchObject({
      ok: false,
      failure: { code: "SSO_USER_DISABLED" },
    });
  });
});

describe("an existing user with the same e-mail", () => {
  it("is linked when the provider verifies the address, with the role from the groups; audited", async () => {
    const { password } = await addUser({ email: "jo@example.com", name: "Jo", role: "admin" }, BY_TEST);
    const result = await signIn(identity("jo-sub", { email: "jo@example.com", groups: ["helpdesk"] }));
    expect(result).toMatchObject({ ok: true, user: { email: "jo@example.com", role: "AGENT" } });
    const user = await db().user.findUniqueOrThrow({ where: { email: "jo@example.com" } });
    expect(user).toMatchObject({ ssoIssuer: ISSUER, ssoSubject: "jo-sub" });
    const row = await db().auditEvent.findFirstOrThrow({ where: { action: "USER_SSO_LINKED" } });
    expect(row).toMatchObject({ stateBefore: expect.objectContaining({ role: "ADMIN" }) });
    // The password still works where passwords are on.
    expect(await authenticate("jo@example.com", password, { ipAddress: null, userAgent: null })).not.toBeNull();
  });

  it("is not linked when the provider does not verify the address", async () => {
    await addUser({ email: "kim@example.com", name: "Kim", role: "admin" }, BY_TEST);
    const result = await signIn(identity("attacker", { email: "kim@example.com", emailVerified: false }));
    expect(result).toMatchObject({ ok: false, failure: { code: "SSO_EMAIL_CONFLICT" } });
    expect((await db().user.findUniqueOrThrow({ where: { email: "kim@example.com" } })).ssoSubject).toBeNull();
  });

  it("is not taken over by a second identity once linked", async () => {
    await signIn(identity("lee"));
    const other = await signIn(identity("someone-else", { email: "lee@example.com" }));
    expect(other).toMatchObject({ ok: false, failure: { code: "SSO_EMAIL_CONFLICT" } });
  });
});
