import { describe, expect, it } from "vitest";
import { groupSerial, parseSerialQuery } from "@/lib/tokens/serial";

describe("serial search input", () => {
  it.each([
    ["000000200002", "000000200002", "sid700"],
    ["0000 0020 0002", "000000200002", "sid700"],
    ["0000-0020-0002", "000000200002", "sid700"],
    ["Serial: 000000200002.", "000000200002", "sid700"],
    ["  140100080 ", "140100080", "ds100"],
    ["token 1231314525 please", "1231314525", "either"],
  ])("reads %j as %s (%s)", (input, serial, kind) => {
    expect(parseSerialQuery(input)).toEqual({ ok: true, serial, kind });
  });

  it.each([
    ["", /Type or paste/],
    ["abc", /made of digits/],
    ["123", /too short/],
    ["1".repeat(37), /too long/],
    ["000000200002 and 140100080", /more than one number/],
  ])("rejects %j with a clear message", (input, message) => {
    const parsed = parseSerialQuery(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it("keeps leading zeros and groups in fours for reading aloud", () => {
    expect(groupSerial("000000200002")).toBe("0000 0020 0002");
    expect(groupSerial("140100080")).toBe("140 100 080");
  });
});
