import { describe, expect, it } from "vitest";
import { parsePersonQuery } from "@/lib/people/person-query";

describe("what an agent types for a person", () => {
  it.each([
    ["jane.doe@example.com", "jane.doe@example.com"],
    ["  Jane.Doe@Example.COM ", "jane.doe@example.com"],
    ['"Jane Doe" <jane.doe@example.com>', "jane.doe@example.com"],
    ["Jane Doe <Jane.Doe@example.com>", "jane.doe@example.com"],
    ["<jane.doe@example.com>", "jane.doe@example.com"],
    ["jane@mail.example.co.uk", "jane@mail.example.co.uk"],
    ["mailto:jane.doe@example.com", "jane.doe@example.com"],
    ["jane.doe @ example.com", "jane.doe@example.com"],
  ])("reads %j as the e-mail %s", (input, email) => {
    expect(parsePersonQuery(input)).toEqual({ kind: "email", email });
  });

  it.each([
    ["Jane Doe", "jane.doe"],
    ["jane", "jane"],
    ["j.doe", "j.doe"],
    ["jane.doe@exam", "jane.doe@exam"],
    ["jane.doe@example.c", "jane.doe@example.c"],
    ["jane.doe@example.c0", "jane.doe@example.c0"],
    ["O'Connor, Mary-Jane", "o'connor.mary-jane"],
  ])("searches %j as the part of an e-mail %j", (input, emailLike) => {
    expect(parsePersonQuery(input)).toMatchObject({ kind: "partial", emailLike });
  });

  it.each([["j"], ["@"], ["  "], ["x".repeat(101)]])("refuses %j with a sentence", (input) => {
    const parsed = parsePersonQuery(input);
    expect(parsed.kind).toBe("invalid");
    if (parsed.kind === "invalid") expect(parsed.message).toMatch(/\.$/);
  });
});
