import { describe, expect, it } from "vitest";
import { eventSummary, eventTitle, ownerLabel, stateLines } from "@/lib/audit/history-words";

const row = (fields: Partial<Parameters<typeof eventTitle>[0]>) => ({
  type: "CHANGE_INTENT",
  action: null,
  serial: null,
  tokenType: null,
  outcome: null,
  details: null,
  ...fields,
});

const owners = new Map([["u-1", { name: "Jane Doe", email: "jane.doe@example.com" }]]);
const enabled = { tokenStatus: "Enabled", tokenState: "Activated", userId: "u-1" };

describe("the audit history in words", () => {
  it.each([
    [{ action: "DISABLE", tokenType: "SID700" }, "Disable SID700"],
    [{ type: "CHANGE_REFUSED", action: "ENABLE", tokenType: "DS100" }, "Enable DS100 (refused before RSA)"],
    [{ action: "CLEAR_PIN" }, "Clear PIN"],
    [{ action: "EMERGENCY_CODE_ISSUE" }, "Emergency code issue"],
    [{ type: "LOOKUP", serial: "000000200002", tokenType: "SID700" }, "Lookup SID700"],
    [{ type: "SIGN_IN", details: { method: "sso" } }, "Signed in (single sign-on)"],
    [{ type: "SIGN_IN", details: { method: "password" } }, "Signed in (password)"],
    [{ type: "SIGN_IN_FAILED" }, "Sign-in refused"],
    [{ type: "ACCESS_DENIED", action: "audit.history" }, "Refused: the audit history"],
    [{ type: "ACCESS_DENIED", action: "something.new" }, "Refused: something.new"],
    [{ type: "EXPORT", action: "EXPORT_JSONL" }, "Exported JSON Lines"],
    [
      { type: "USER_ADMIN", action: "USER_ROLE", details: { target: { id: "x", email: "sam@example.com" } } },
      "Changed the role of sam@example.com",
    ],
    [{ type: "AUDIT_CHECKPOINT", details: { seq: "120", hash: "ab" } }, "Checkpoint of the chain at row 120"],
  ])("names %j as %s", (fields, title) => {
    expect(eventTitle(row(fields))).toBe(title);
  });

  it("leaves the token type out where the table shows it beside the serial", () => {
    expect(eventTitle(row({ action: "DISABLE", tokenType: "SID700" }), { tokenType: false })).toBe("Disable");
  });

  it("says what a change moved, naming the owner when the directory knows them", () => {
    const after = { ...enabled, tokenStatus: "Disabled" };
    expect(stateLines({ action: "DISABLE", stateBefore: enabled, stateAfter: after }, owners)).toEqual({
      lines: [{ label: "Status", before: "Enabled", after: "Disabled" }],
      requested: false,
    });
    const unassigned = { tokenStatus: "Enabled", tokenState: "Unassigned", userId: null };
    expect(stateLines({ action: "UNASSIGN", stateBefore: enabled, stateAfter: unassigned }, owners).lines).toEqual([
      { label: "State", before: "Activated", after: "Unassigned" },
      { label: "Owner", before: "Jane Doe (jane.doe@example.com)", after: "nobody" },
    ]);
  });

  it("shows what was asked for while the result is not known, and says so", () => {
    expect(stateLines({ action: "DISABLE", stateBefore: enabled, stateAfter: null }, owners)).toEqual({
      lines: [{ label: "Status", before: "Enabled", after: "Disabled" }],
      requested: true,
    });
  });

  it("words user administration: roles and accounts", () => {
    const before = { email: "sam@example.com", name: "Sam", role: "AGENT", disabled: false };
    expect(
      stateLines({ action: "USER_ROLE", stateBefore: before, stateAfter: { ...before, role: "SUPERVISOR" } }, owners)
        .lines,
    ).toEqual([{ label: "Role", before: "Agent", after: "Supervisor" }]);
    expect(
      stateLines({ action: "USER_DISABLE", stateBefore: before, stateAfter: { ...before, disabled: true } }, owners)
        .lines,
    ).toEqual([{ label: "Account", before: "active", after: "disabled" }]);
  });

  it("keeps the bare id when no name is known", () => {
    expect(ownerLabel("u-2", owners)).toBe("u-2");
    expect(ownerLabel("u-1", owners)).toBe("Jane Doe (jane.doe@example.com)");
  });

  it("sums an event up in one line for the export", () => {
    expect(
      eventSummary({
        ...row({ action: "DISABLE", tokenType: "SID700", serial: "000000200002" }),
        stateBefore: enabled,
        stateAfter: null,
      }),
    ).toBe("Disable SID700 · 0000 0020 0002 · Status Enabled → Disabled (requested)");
  });
});
