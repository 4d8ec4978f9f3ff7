import { describe, expect, it } from "vitest";
import { deskPathFor, parseDeskQuery } from "@/lib/desk/desk-query";

describe("the desk's one search box", () => {
  it.each([
    ["0000 0020 0002", "/tokens/000000200002"],
    ["Serial: 000000200002.", "/tokens/000000200002"],
    ["140 100 080", "/tokens/140100080"],
    ["Jane.Doe@Example.com", "/users/jane.doe%40example.com"],
    ['"Jane Doe" <jane.doe@example.com>', "/users/jane.doe%40example.com"],
    ["Jane Doe", "/people?q=jane.doe"],
    ["jane", "/people?q=jane"],
  ])("sends %j to %s", (input, path) => {
    const query = parseDeskQuery(input);
    expect(query.kind).not.toBe("invalid");
    if (query.kind !== "invalid") expect(deskPathFor(query)).toBe(path);
  });

  it.each([
    ["", /Type a serial number, an e-mail address or a name\./],
    ["123", /too short/],
    ["000000200002 and 140100080", /more than one number/],
    ["j", /at least two letters/],
  ])("refuses %j with a sentence", (input, message) => {
    const query = parseDeskQuery(input);
    expect(query.kind).toBe("invalid");
    if (query.kind === "invalid") expect(query.message).toMatch(message);
  });
});
