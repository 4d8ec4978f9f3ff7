import { BY_TEST } from "@/lib/test-support/audit-events";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/authenticate";
import { checkSession, signOutEverywhere } from "@/lib/auth/session-store";
import { addUser, resetPassword, setDisabled, setRole } from "@/lib/users/user-service";

const meta = { ipAddress: "127.0.0.1", userAgent: "vitest" };
let counter = 0;

async function signedIn(role = "agent") {
  const email = `user${++counter}@example.com`;
  const { password } = await addUser({ email, name: "Test User", role }, BY_TEST);
  const result = await authenticate(email, password, meta);
  if (!result) throw new Error("sign-in failed");
  const claims = { uid: result.user.id, sid: result.sessionId, sv: result.user.sessionVersion };
  return { email, password, claims };
}

describe("sign-in and server-side sessions", () => {
  it("gives the same answer (null) for unknown email, wrong password and disabled user", async () => {
    const { email, password } = await signedIn();
    expect(await authenticate("nobody@example.com", password, meta)).toBeNull();
    expect(await authenticate(email, `${password}x`, meta)).toBeNull();
    await setDisabled(email, true, BY_TEST);
    expect(await authenticate(email, password, meta)).toBeNull();
  });

  it("accepts a fresh session and reports the user's role from the database", async () => {
    const { claims } = await signedIn("supervisor");
    const check = await checkSession(claims);
    expect(check).toMatchObject({ ok: true, user: { role: "SUPERVISOR", id: claims.uid } });
  });

  it("ends sessions at once when the user is disabled, the role changes or the password is reset", async () => {
    const a = await signedIn();
    await setDisabled(a.email, true, BY_TEST);
    expect(await checkSession(a.claims)).toEqual({ ok: false, reason: "user-disabled" });

    const b = await signedIn();
    await setRole(b.email, "admin", BY_TEST);
    expect(await checkSession(b.claims)).toEqual({ ok: false, reason: "session-version-changed" });

    const c = await signedIn();
    await resetPassword(c.email, "a-new-long-password", BY_TEST);
    expect((await checkSession(c.claims)).ok).toBe(false);
  });

  it("sign-out ends every session of the user and a copied token stays refused", async () => {
    const { email, password, claims } = await signedIn();
    const second = await authenticate(email, password, meta);
    await signOutEverywhere(claims);
    expect(await checkSession(claims)).toEqual({ ok: false, reason: "signed-out" });
    expect((await checkSession({ uid: claims.uid, sid: second!.sessionId, sv: second!.user.sessionVersion })).ok).toBe(
      false,
    );
    // Signing in again works and gets the new version.
    const again = await authenticate(email, password, meta);
    expect(again!.user.sessionVersion).toBe(claims.sv + 1);
  });

  it("enforces the idle timeout (30 min) and the absolute lifetime (8 h)", async () => {
    const idle = await signedIn();
    const later = new Date(Date.now() + 31 * 60_000);
    expect(await checkSession(idle.claims, later)).toEqual({ ok: false, reason: "idle" });

    const busy = await signedIn();
    // Active every 20 minutes for 7 h 40 min: the idle clock never runs out, the absolute one does.
    let now = Date.now();
    for (let i = 0; i < 23; i++) {
      now += 20 * 60_000;
      const check = await checkSession(busy.claims, new Date(now));
      expect(check.ok).toBe(true);
    }
    now += 20 * 60_000;
    expect(await checkSession(busy.claims, new Date(now))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a session id that belongs to another user", async () => {
    const a = await signedIn();
    const b = await signedIn();
    expect((await checkSession({ ...a.claims, sid: b.claims.sid })).ok).toBe(false);
  });

  it("stores only a scrypt hash, never the password", async () => {
    const { email, password } = await signedIn();
    const row = await db().user.findUniqueOrThrow({ where: { email } });
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain(password);
  });
});
