import { describe, expect, it } from "vitest";
import { RsaError, type RsaErrorDetails, type RsaErrorKind } from "@/lib/rsa/errors";
import { describeRsaFailure } from "@/lib/tokens/rsa-messages";

const error = (kind: RsaErrorKind, details: Partial<RsaErrorDetails> = {}) =>
  new RsaError(kind, "internal message", { sentRequest: true, changesState: true, ...details });

const KINDS: RsaErrorKind[] = [
  "not_found",
  "conflict",
  "bad_request",
  "rate_limited",
  "credential_rejected",
  "unavailable",
  "timeout",
  "network",
  "invalid_answer",
  "answer_unreadable",
  "misconfigured",
  "circuit_open",
  "not_configured",
];

describe("describeRsaFailure", () => {
  it.each(KINDS)("%s: whole sentences for a lookup and a change, never the internal message", (kind) => {
    for (const situation of ["lookup", "change"] as const) {
      const text = describeRsaFailure(error(kind, { downSince: "2026-11-23T10:42:00.000Z" }), situation);
      expect(text).toMatch(/^[A-Za-z].*[.)]$/);
      expect(text).not.toContain("internal message");
      expect(text).not.toMatch(/\s{2}|undefined|null/);
    }
  });

  it("says what became of a change: unknown, never sent, or not made", () => {
    expect(describeRsaFailure(error("timeout"), "change")).toBe(
      "RSA did not answer in time. It is unknown whether the change was made. Search the serial again to see where it stands before you try again.",
    );
    expect(describeRsaFailure(error("unavailable", { sentRequest: false }), "change")).toBe(
      "RSA is not available right now. Nothing was sent to RSA, so nothing was changed. Try again in a minute.",
    );
    expect(describeRsaFailure(error("unavailable", { httpStatus: 500, rsaErrorBody: true }), "change")).toBe(
      "RSA is not available right now. Nothing was changed. Try again in a minute.",
    );
    expect(describeRsaFailure(error("unavailable", { httpStatus: 504 }), "change")).toMatch(
      /It is unknown whether the change was made\./,
    );
    expect(describeRsaFailure(error("answer_unreadable"), "change")).toMatch(
      /^RSA accepted the change, but tokendesk could not read its answer\. It is unknown whether the change was made\./,
    );
  });

  it("names the conflict RSA described, and quotes one it cannot name", () => {
    expect(describeRsaFailure(error("conflict", { conflict: "token_limit" }), "change")).toBe(
      "RSA refused because this user already has five active tokens, the most RSA allows. Nothing was changed. Unassign one of the user's other tokens first.",
    );
    expect(describeRsaFailure(error("conflict", { conflict: "not_assigned_to_user" }), "change")).toMatch(
      /^RSA refused because the token is not assigned to this user any more\./,
    );
    expect(
      describeRsaFailure(
        error("conflict", { conflict: "unknown", rsaDescription: "Token is in quarantine" }),
        "change",
      ),
    ).toMatch(/^RSA refused because of a conflict it describes as “Token is in quarantine”\. Nothing was changed\./);
  });

  it("says since when RSA has not answered, in the UI's own format when it gives one", () => {
    const open = new RsaError("circuit_open", "x", { sentRequest: false, downSince: "2026-11-23T10:42:00.000Z" });
    expect(describeRsaFailure(open, "lookup")).toBe(
      "RSA has not answered since 10:42 UTC; tokendesk is retrying in the background. Try again once RSA answers again.",
    );
    expect(describeRsaFailure(open, "change", { formatInstant: () => "11:42" })).toBe(
      "RSA has not answered since 11:42; tokendesk is retrying in the background. Nothing was sent to RSA, so nothing was changed. Try again once RSA answers again.",
    );
  });

  it("tells a misconfiguration apart from a missing token", () => {
    expect(describeRsaFailure(error("misconfigured", { httpStatus: 404 }), "lookup")).toBe(
      "tokendesk is misconfigured; tell your administrator.",
    );
    expect(describeRsaFailure(error("not_found", { httpStatus: 404 }), "lookup")).toBe(
      "RSA has no token with this serial.",
    );
  });
});
