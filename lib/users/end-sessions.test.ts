import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkSession, openSession } from "@/lib/auth/session-store";
import { BY_TEST } from "@/lib/test-support/audit-events";
import { addSingleSignOnUser, addUser, endSessions, UserError } from "@/lib/users/user-service";

const meta = { ipAddress: "127.0.0.1", userAgent: "vitest" };

/** A session as sign-in opens it, with the claims its cookie would carry. */
async function sessionOf(userId: string) {
  const sid = await openSession(userId, meta);
  const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: userId } });
  return { uid: userId, sid, sv: sessionVersion };
}

describe("ending all of a user's sessions", () => {
  it("refuses every open session on its next request, audits before → after, and lets the user sign in again", async () => {
    const { user } = await addUser({ email: "two.sessions@example.com", name: "Two Sessions", role: "agent" }, BY_TEST);
    const laptop = await sessionOf(user.id);
    const phone = await sessionOf(user.id);
    expect((await checkSession(laptop)).ok).toBe(true);

    const result = await endSessions("Two.Sessions@example.com", { ...BY_TEST, reason: "lost laptop" });
    expect(result).toMatchObject({ ended: 2, user: { email: "two.sessions@example.com", disabled: false } });
    expect(await checkSession(laptop)).toEqual({ ok: false, reason: "ended-by-admin" });
    expect(await checkSession(phone)).toEqual({ ok: false, reason: "ended-by-admin" });

    const [row] = await db().auditEvent.findMany({
      where: { type: "USER_ADMIN", action: "USER_SESSIONS_ENDED" },
      orderBy: { seq: "desc" },
      take: 1,
    });
    expect(row).toMatchObject({
      actorName: "test",
      reason: "lost laptop",
      outcome: "SUCCESS",
      stateBefore: { email: "two.sessions@example.com", openSessions: 2 },
      stateAfter: { openSessions: 0 },
      details: { target: { id: user.id, email: "two.sessions@example.com" } },
    });

    // Not disabled: a new sign-in works, with the new session version.
    expect((await checkSession(await sessionOf(user.id))).ok).toBe(true);
  });

  it("also refuses a cookie whose session row was never ended (the session version moved on)", async () => {
    const { user } = await addUser({ email: "old.cookie@example.com", name: "Old Cookie", role: "agent" }, BY_TEST);
    const claims = await sessionOf(user.id);
    await endSessions(user.email, BY_TEST);
    // As if the row had been written after the change: only the version can refuse it.
    await db().userSession.update({ where: { id: claims.sid }, data: { endedAt: null, endReason: null } });
    expect(await checkSession(claims)).toEqual({ ok: false, reason: "session-version-changed" });
  });

  it("records zero sessions for a user with none, and names a missing user in a sentence", async () => {
    await addUser({ email: "no.sessions@example.com", name: "No Sessions", role: "agent" }, BY_TEST);
    expect((await endSessions("no.sessions@example.com", BY_TEST)).ended).toBe(0);
    const missing = await endSessions("ghost@example.com", BY_TEST).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(UserError);
    expect(missing).toMatchObject({ message: "No user with email ghost@example.com.", problem: "not-found" });
  });
});

describe("refusals the administration page puts beside a field", () => {
  it("names the field of a taken e-mail, a bad e-mail, an empty name and an unknown role", async () => {
    await addUser({ email: "taken@example.com", name: "Taken", role: "agent" }, BY_TEST);
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (error: unknown) => error as UserError,
      );
    expect(await refusal(addUser({ email: "TAKEN@example.com", name: "T", role: "agent" }, BY_TEST))).toMatchObject({
      field: "email",
      message: "A user with email taken@example.com already exists.",
    });
    expect(await refusal(addUser({ email: "nope", name: "N", role: "agent" }, BY_TEST))).toMatchObject({
      field: "email",
    });
    expect(await refusal(addUser({ email: "x@example.com", name: " ", role: "agent" }, BY_TEST))).toMatchObject({
      field: "name",
    });
    expect(await refusal(addUser({ email: "y@example.com", name: "Y", role: "owner" }, BY_TEST))).toMatchObject({
      field: "role",
    });
  });
});

describe("adding a user who signs in by single sign-on", () => {
  it("hands out no password and records how they sign in", async () => {
    const result = await addSingleSignOnUser(
      { email: "sso.person@example.com", name: "SSO Person", role: "agent" },
      {
        ...BY_TEST,
      },
    );
    expect(result).toEqual({ user: expect.objectContaining({ email: "sso.person@example.com", role: "AGENT" }) });
    const stored = await db().user.findUniqueOrThrow({ where: { email: "sso.person@example.com" } });
    expect(stored.passwordHash).toBeNull();
    const row = await db().auditEvent.findFirst({
      where: { type: "USER_ADMIN", action: "USER_ADD" },
      orderBy: { seq: "desc" },
    });
    expect(row?.stateAfter).toMatchObject({ email: "sso.person@example.com", signIn: "single sign-on" });
  });
});
