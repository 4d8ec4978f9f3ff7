import { describe, expect, it } from "vitest";
import { ACTION_WORDS, DESK_ACTIONS, actionForKey, dialogTitle } from "@/lib/desk/desk-actions";

/** Every word an action shows, written out: a past tense is never a verb with a "d" glued on. */
const EXPECTED: Record<string, [label: string, pending: string, done: string]> = {
  disable: ["Disable token", "Disabling…", "Disabled"],
  enable: ["Enable token", "Enabling…", "Enabled"],
  unassign: ["Unassign token", "Unassigning…", "Unassigned"],
  "clear-pin": ["Clear PIN", "Clearing the PIN…", "Cleared the PIN of"],
  rename: ["Rename token", "Renaming…", "Renamed"],
  assign: ["Assign a token", "Assigning…", "Assigned"],
  "issue-code": ["Issue emergency access code", "Issuing the code…", "Issued an emergency access code for"],
  "cancel-code": ["Cancel emergency access code", "Cancelling the code…", "Cancelled the emergency access code of"],
  verify: ["Verify the caller", "Starting…", "Verified"],
  "find-owner": ["Find the owner", "Looking for the owner…", "Found the owner of"],
};

describe("the desk's words for each action", () => {
  it.each([...DESK_ACTIONS])("%s says exactly what it should", (action) => {
    const words = ACTION_WORDS[action];
    expect([words.label, words.pending, words.done]).toEqual(EXPECTED[action]);
    expect(`${words.label} ${words.pending} ${words.done}`).not.toMatch(
      /Unassignd|Assignd|Enabledd|Disabledd|Renamedd/,
    );
  });

  it("gives every action its own shortcut", () => {
    const keys = DESK_ACTIONS.map((a) => ACTION_WORDS[a].shortcut);
    expect(new Set(keys).size).toBe(keys.length);
    expect(actionForKey("D", ["disable", "unassign"])).toBe("disable");
    expect(actionForKey("e", ["disable", "unassign"])).toBeNull();
  });

  it("titles a dialog with the owner and the grouped serial", () => {
    expect(dialogTitle("disable", { serial: "0012 3131 4525", owner: "Jane Doe" })).toBe(
      "Disable Jane Doe's token 0012 3131 4525",
    );
    expect(dialogTitle("unassign", { serial: "0012 3131 4525" })).toBe("Unassign token 0012 3131 4525");
    expect(dialogTitle("issue-code", { person: "Jane Doe" })).toBe("Issue an emergency access code for Jane Doe");
  });
});
