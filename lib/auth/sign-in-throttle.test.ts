import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/authenticate";
import { MAX_FAILED_SIGN_INS, SignInThrottledError } from "@/lib/auth/sign-in-throttle";
import { addUser } from "@/lib/users/user-service";

const meta = { ipAddress: "127.0.0.1", userAgent: "vitest" };

describe("sign-in throttling", () => {
  it("refuses an email after five failures, even with the right password, and records the refusals", async () => {
    const { password } = await addUser({ email: "guessed@example.com", name: "Guessed", role: "agent" });
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
    const { password } = await addUser({ email: "bystander@example.com", name: "Bystander", role: "agent" });
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await authenticate("target@example.com", "wrong-password-123", meta);
    expect(await authenticate("bystander@example.com", password, meta)).not.toBeNull();
  });
});
