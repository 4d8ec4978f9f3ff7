import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { getCurrentUser } from "@/lib/auth/current-user";
import { signOutEverywhere } from "@/lib/auth/session-store";
import { resetEnvCache } from "@/lib/env";
import { BY_TEST } from "@/lib/test-support/audit-events";
import { addUser, setRole } from "@/lib/users/user-service";

/**
 * getCurrentUser reads next-auth's session cookie itself (no getServerSession):
 * it must accept exactly what next-auth issues and refuse what it would refuse.
 */

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => [...jar].map(([name, value]) => ({ name, value })) }),
}));

const secret = () => process.env.AUTH_SECRET!;
let counter = 0;

async function signedIn(role = "agent") {
  const email = `current${++counter}@example.com`;
  const { password } = await addUser({ email, name: "Current User", role }, BY_TEST);
  const result = await authenticate(email, password, { ipAddress: null, userAgent: null });
  const claims = { uid: result!.user.id, sid: result!.sessionId, sv: result!.user.sessionVersion, role };
  return { email, claims };
}

beforeEach(() => jar.clear());
afterEach(() => {
  delete process.env.NEXTAUTH_URL;
  resetEnvCache();
});

describe("the signed-in user of a request", () => {
  it("is read from the cookie next-auth issues, and re-checked against the database", async () => {
    const { email, claims } = await signedIn("supervisor");
    jar.set("next-auth.session-token", await encode({ token: claims, secret: secret() }));
    expect(await getCurrentUser()).toEqual({
      id: claims.uid,
      email,
      displayName: "Current User",
      role: "SUPERVISOR",
      sessionId: claims.sid,
    });
    await setRole(email, "agent", BY_TEST);
    expect(await getCurrentUser()).toBeNull();
  });

  it("is nobody without a cookie, with a tampered, expired or foreign-secret one, or after sign-out", async () => {
    const { claims } = await signedIn();
    expect(await getCurrentUser()).toBeNull();
    const good = await encode({ token: claims, secret: secret() });
    jar.set("next-auth.session-token", `${good.slice(0, -4)}AAAA`);
    expect(await getCurrentUser()).toBeNull();
    jar.set("next-auth.session-token", await encode({ token: claims, secret: secret(), maxAge: -60 }));
    expect(await getCurrentUser()).toBeNull();
    jar.set("next-auth.session-token", await encode({ token: claims, secret: "another-secret-entirely-32-chars" }));
    expect(await getCurrentUser()).toBeNull();
    jar.set("next-auth.session-token", good);
    expect(await getCurrentUser()).not.toBeNull();
    await signOutEverywhere(claims);
    expect(await getCurrentUser()).toBeNull();
  });

  it("joins a cookie next-auth split into chunks, and uses the __Secure- name over https only", async () => {
    const { claims } = await signedIn();
    const token = await encode({ token: claims, secret: secret() });
    jar.set("next-auth.session-token.1", token.slice(100));
    jar.set("next-auth.session-token.0", token.slice(0, 100));
    expect((await getCurrentUser())?.id).toBe(claims.uid);

    jar.clear();
    jar.set("__Secure-next-auth.session-token", token);
    expect(await getCurrentUser()).toBeNull();
    process.env.NEXTAUTH_URL = "https://desk.example.com";
    resetEnvCache();
    expect((await getCurrentUser())?.id).toBe(claims.uid);
  });

  it("refuses a token whose claims are not a session's", async () => {
    jar.set(
      "next-auth.session-token",
      await encode({ token: { uid: "x", sid: "not-a-uuid", sv: 1 }, secret: secret() }),
    );
    expect(await getCurrentUser()).toBeNull();
    jar.set("next-auth.session-token", await encode({ token: { email: "a@example.com" }, secret: secret() }));
    expect(await getCurrentUser()).toBeNull();
  });
});
