import { describe, expect, it } from "vitest";
import { verdictFor, type VerdictToken } from "@/lib/desk/verdict";

const NOW = Date.parse("2026-11-23T10:00:00Z");
const base: VerdictToken = {
  tokenStatus: "Enabled",
  tokenState: "Activated",
  rawTokenStatus: "Enabled",
  rawTokenState: "Activated",
  userId: "u1",
  expiryDate: "2028-01-01T00:00:00.000Z",
  pinSet: true,
  tokenStatusChangedAt: null,
};
const context = {
  now: NOW,
  formatDay: (iso: string) => iso.slice(0, 10),
  reasonLabel: (r: string) => (r === "lost" ? "Lost" : r),
};
const headline = (token: Partial<VerdictToken>, extra: Partial<typeof context> & { lastChange?: never } = {}) =>
  verdictFor({ ...base, ...token }, { ...context, ...extra }).headline;

describe("the verdict at the top of a token card", () => {
  it.each([
    [{}, "Works: enabled and activated."],
    [{ expiryDate: "2026-11-02T00:00:00.000Z" }, "Expired 21 days ago — needs a replacement."],
    [{ expiryDate: "2026-11-22T00:00:00.000Z" }, "Expired yesterday — needs a replacement."],
    [{ expiryDate: "2026-11-24T00:00:00.000Z" }, "Works: enabled and activated — but it expires in 1 day."],
    [{ expiryDate: "2026-11-23T00:00:00.000Z" }, "Works: enabled and activated — but it expires today."],
    [{ tokenState: "Activation Pending" }, "Waiting for the user to activate it."],
    [{ tokenState: "Unassigned", userId: null }, "Not assigned to anyone."],
    [{ tokenStatus: "Disabled", tokenStatusChangedAt: "2026-11-03T09:00:00Z" }, "Disabled on 2026-11-03."],
    [{ pinSet: false }, "Works: enabled and activated; no PIN is set yet."],
    [
      { tokenStatus: null, rawTokenStatus: "Suspended" },
      'RSA reports "Suspended", which tokendesk does not know: check this token in the RSA console.',
    ],
  ] as [Partial<VerdictToken>, string][])("%j reads %j", (token, expected) => {
    expect(headline(token)).toBe(expected);
  });

  it("names the agent, the ticket and the reason of a disable made through tokendesk", () => {
    const verdict = verdictFor(
      { ...base, tokenStatus: "Disabled" },
      {
        ...context,
        lastChange: {
          action: "DISABLE",
          actorName: "Alex Agent",
          at: "2026-11-03T09:00:00Z",
          ticket: "INC-1001",
          reason: "lost",
        },
      },
    );
    expect(verdict.headline).toBe("Disabled by Alex Agent on 2026-11-03 (INC-1001, lost).");
    expect(verdict.tone).toBe("problem");
  });

  it("never lets an expired token read as working, whatever its status", () => {
    const verdict = verdictFor({ ...base, expiryDate: "2026-01-01T00:00:00.000Z" }, context);
    expect(verdict.tone).toBe("problem");
    expect(verdict.headline).not.toMatch(/Works/);
  });
});
