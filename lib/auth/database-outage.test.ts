import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Session } from "next-auth";
import { disconnectDb } from "@/lib/db";
import { closePgPool } from "@/lib/db/pg-pool";
import { resetEnvCache } from "@/lib/env";
import { authOptions } from "@/lib/auth/options";
import { SIGN_IN_ERRORS, signInMessage } from "@/lib/auth/sign-in-errors";
import { isDatabaseUnavailable } from "@/lib/db/availability";
import { authenticate } from "@/lib/auth/authenticate";

/**
 * With the database gone, nobody is told their session ended or their password
 * is wrong, and the driver's words (host, port, user) never reach a browser.
 */
const realUrl = process.env.DATABASE_URL!;
beforeEach(async () => {
  await disconnectDb();
  await closePgPool();
  process.env.DATABASE_URL = "postgresql://tokendesk:secret@127.0.0.1:1/tokendesk";
  resetEnvCache();
});
afterEach(async () => {
  await disconnectDb();
  await closePgPool();
  process.env.DATABASE_URL = realUrl;
  resetEnvCache();
});

describe("a database outage", () => {
  it("is recognised as such from what Prisma and node-postgres throw", async () => {
    const error = await authenticate("someone@example.com", "a-long-password", {
      ipAddress: null,
      userAgent: null,
    }).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("makes sign-in say the database is unavailable, in our words only", async () => {
    const provider = authOptions().providers[0] as unknown as {
      options: { authorize: (c: Record<string, string>, r: unknown) => Promise<unknown> };
    };
    const error = (await provider.options
      .authorize({ email: "agent@example.com", password: "a-long-password" }, { headers: {} })
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(SIGN_IN_ERRORS.databaseUnavailable);
    expect(signInMessage(error.message)).toMatch(/^tokendesk's database is unavailable/);
    expect(error.message).not.toMatch(/127\.0\.0\.1|5432|:1|tokendesk:secret|ECONNREFUSED/);
  });

  it("keeps the session instead of ending it, flagged so pages answer 503", async () => {
    const callback = authOptions().callbacks!.session!;
    const session = (await callback({
      session: { expires: "2099-01-01T00:00:00.000Z" } as Session,
      token: { uid: "3d1f7a8e-2c4b-4f5a-9e6d-7b8c9d0e1f2a", sid: "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", sv: 1 },
    } as never)) as Session & { databaseUnavailable?: boolean };
    expect(session.databaseUnavailable).toBe(true);
  });
});
