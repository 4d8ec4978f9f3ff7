import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parsePersonQuery } from "@/lib/people/person-query";
import { emailInput } from "@/lib/rsa/input";

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

  it("calls something an e-mail only when the RSA client will send it as one", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.emailAddress(), fc.string(), fc.constantFrom("000000300206/jane.doe@example.com")),
        (text) => {
          const parsed = parsePersonQuery(text);
          if (parsed.kind === "email") expect(emailInput.safeParse(parsed.email).success).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
    expect(parsePersonQuery("000000300206/jane.doe@example.com").kind).toBe("partial");
  });
});
