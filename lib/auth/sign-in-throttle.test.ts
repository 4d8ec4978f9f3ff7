import { BY_TEST } from "@/lib/test-support/audit-events";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/authenticate";
import { MAX_ATTEMPTS_PER_ADDRESS, MAX_FAILED_SIGN_INS, SignInThrottledError } from "@/lib/auth/sign-in-throttle";
import { addUser } from "@/lib/users/user-service";

const meta = { ipAddress: "127.0.0.1", userAgent: "vitest" };

describe("sign-in throttling", () => {
  it("refuses an email after five failures, even with the right password, and records the refusals", async () => {
    const { password } = await addUser({ email: "guessed@example.com", name: "Guessed", role: "agent" }, BY_TEST);
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++)
      expect(await authenticate("guessed@example.com", "wrong-password-123", meta)).toBeNull();
    await expect(authenticate("Guessed@example.com", password, meta)).rejects.toBeInstanceOf(SignInThrottledError);
    const outcomes = await db().auditEvent.findMany({
      where: { actorEmail: "guessed@example.com", type: "SIGN_IN_FAILED" },
      select: { outcome: true },
    });
    expect(outcomes.map((o) => o.outcome)).toEqual([...Array(MAX_FAILED_SIGN_INS).fill("WRONG_PASSWORD"), "THROTTLED"]);
  });

  it("throttles unknown emails the same way, so a refusal says nothing about whether an account exists", async () => {
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++)
      expect(await authenticate("nobody-here@example.com", "whatever-password", meta)).toBeNull();
    await expect(authenticate("nobody-here@example.com", "whatever-password", meta)).rejects.toBeInstanceOf(
      SignInThrottledError,
    );
  });

  it("does not touch other accounts", async () => {
    const { password } = await addUser({ email: "bystander@example.com", name: "Bystander", role: "agent" }, BY_TEST);
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await authenticate("target@example.com", "wrong-password-123", meta);
    expect(await authenticate("bystander@example.com", password, meta)).not.toBeNull();
  });
});

describe("sign-in throttling under a burst", () => {
  it("checks at most five passwords of 200 parallel attempts for one e-mail", async () => {
    const { password } = await addUser({ email: "burst@example.com", name: "Burst", role: "agent" }, BY_TEST);
    // 199 guesses and the right password, all at once, each from its own address (so only the e-mail limit applies).
    const attempts = Array.from({ length: 200 }, (_, i) =>
      authenticate("burst@example.com", i === 199 ? password : `wrong-password-${i}`, {
        ipAddress: `10.9.${Math.floor(i / 200)}.${i % 200}`,
        userAgent: "vitest",
      }).then(
        (result) => (result ? "signed-in" : "refused"),
        (error: unknown) =>
          error instanceof SignInThrottledError ? "throttled" : `error: ${String(error).slice(0, 300)}`,
      ),
    );
    const outcomes = await Promise.all(attempts);
    const checked = outcomes.filter((o) => o !== "throttled").length;
    expect(outcomes.filter((o) => o.startsWith("error"))).toEqual([]);
    expect(checked).toBeLessThanOrEqual(MAX_FAILED_SIGN_INS);
    // The audit agrees: every attempt is a row, and only the checked ones say anything about the password.
    const rows = await db().auditEvent.findMany({
      where: { actorEmail: "burst@example.com", type: { in: ["SIGN_IN", "SIGN_IN_FAILED"] } },
      select: { outcome: true },
    });
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => r.outcome !== "THROTTLED").length).toBe(checked);
  });

  it("counts per client address too", async () => {
    const meta = { ipAddress: "192.0.2.77", userAgent: "vitest" };
    let throttled = 0;
    for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS + 2; i++) {
      await authenticate(`someone-${i}@example.com`, "wrong-password-123", meta).catch((error: unknown) => {
        if (error instanceof SignInThrottledError && error.scope === "address") throttled++;
        else throw error;
      });
    }
    expect(throttled).toBe(2);
  });
});
