import { describe, expect, it } from "vitest";
import type { Ds100Credential } from "@/lib/rsa/types";
import { allowedActions, ds100Snapshot, noActionReason } from "@/lib/tokens/token-actions";

const owner = "26c1e3d6-b31c-803e-cf7f-bdbe7687a72b";

describe("actions on a token whose status or state tokendesk does not know", () => {
  it("offers none, and says why", () => {
    const unknownStatus = { tokenStatus: null, tokenState: "Activated", userId: owner } as const;
    const unknownState = { tokenStatus: "Enabled", tokenState: null, userId: owner } as const;
    expect(allowedActions("SID700", unknownStatus)).toEqual([]);
    expect(allowedActions("SID700", unknownState)).toEqual([]);
    expect(noActionReason("SID700", unknownStatus)).toMatch(/^RSA reports a status tokendesk does not know/);
    expect(noActionReason("DS100", unknownState)).toMatch(/^RSA reports a state tokendesk does not know/);
  });

  it("still offers the usual ones on a known token", () => {
    const known = { tokenStatus: "Enabled", tokenState: "Activated", userId: owner } as const;
    expect(allowedActions("SID700", known)).toEqual(["disable", "unassign"]);
    expect(noActionReason("SID700", known)).toBeNull();
    expect(noActionReason("SID700", { ...known, tokenState: "Unassigned", userId: null })).toMatch(/not assigned/);
  });

  it("treats a DS100 as unknown when one of its credentials is", () => {
    const credential = (tokenStatus: Ds100Credential["tokenStatus"]) =>
      ({ tokenStatus, tokenState: "Activated", userId: owner }) as Ds100Credential;
    expect(ds100Snapshot([credential("Enabled"), credential(null)]).tokenStatus).toBeNull();
    expect(ds100Snapshot([credential("Enabled"), credential("Disabled")]).tokenStatus).toBe("Enabled");
  });
});
