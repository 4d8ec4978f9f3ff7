import { describe, expect, it } from "vitest";
import { classifyConflict } from "@/lib/rsa/conflict";

describe("a 409's description, read as a conflict kind", () => {
  it.each([
    ["Cannot enable a hardware token that is not assigned to a particular user.", "not_assigned"],
    ["Cannot disable a hardware token that is not assigned to a particular user.", "not_assigned"],
    ["The hardware token is not assigned to a specific user or vice versa", "not_assigned"],
    [
      "Hardware token with serial number 000000300102 is not assigned to user f18ec96e-76b9-41ac-b002-753df9d35573",
      "not_assigned_to_user",
    ],
    ["Token is not assigned to this user", "not_assigned_to_user"],
    ["Hardware token with serial number 000000300102 is already assigned to a user", "already_assigned"],
    ["User 1e45e325-708a-4cef-9112-27e2506c38e6 already has 5 active hardware tokens", "token_limit"],
    ["A user can have a maximum of five active hardware tokens", "token_limit"],
    ["A verification is already in progress for this user", "verification_in_progress"],
    ["Request conflicts with the current state of the resource", "unknown"],
    ["", "unknown"],
    [undefined, "unknown"],
  ] as const)("%s → %s", (description, kind) => {
    expect(classifyConflict(description)).toBe(kind);
  });
});
