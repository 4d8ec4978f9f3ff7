import fc from "fast-check";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { parseTimestamptz } from "@/lib/db/timestamptz";

const general = pg.types.getTypeParser(1184) as (text: string) => Date;

/** A timestamptz as PostgreSQL writes it with DateStyle ISO, in any session time zone. */
const pgText = fc
  .record({
    ms: fc.integer({ min: Date.parse("0001-01-02T00:00:00Z"), max: Date.parse("9999-12-30T00:00:00Z") }),
    fraction: fc.integer({ min: 0, max: 6 }),
    offsetMinutes: fc.constantFrom(0, 60, -300, 330, -570, 765, 840, -720),
  })
  .map(({ ms, fraction, offsetMinutes }) => {
    const local = new Date(ms + offsetMinutes * 60_000).toISOString(); // the wall clock at that offset
    const digits = `${local.slice(20, 23)}000`.slice(0, fraction);
    const sign = offsetMinutes < 0 ? "-" : "+";
    const abs = Math.abs(offsetMinutes);
    const hh = String(Math.floor(abs / 60)).padStart(2, "0");
    const mm = abs % 60 ? `:${String(abs % 60).padStart(2, "0")}` : "";
    return `${local.slice(0, 10)} ${local.slice(11, 19)}${fraction ? `.${digits}` : ""}${sign}${hh}${mm}`;
  });

describe("parseTimestamptz", () => {
  it("reads every ISO timestamptz exactly as node-postgres's own parser does", () => {
    fc.assert(
      fc.property(pgText, (text) => {
        expect(parseTimestamptz(text).getTime()).toBe(general(text).getTime());
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    "2026-11-23 17:36:11.123+00",
    "2026-11-23 17:36:11+05:30",
    "2026-11-23 17:36:11.123456-08",
    "0044-03-15 12:00:00+00 BC",
    "infinity",
    "-infinity",
    "12026-01-01 00:00:00+00",
    "1890-01-01 00:00:00+00:09:21",
  ])("gives the same Date as the general parser for %s", (text) => {
    // The general parser answers infinity with a number, not a Date: ours passes that through.
    const comparable = (value: unknown) => (value instanceof Date ? value.getTime() : value);
    expect(comparable(parseTimestamptz(text))).toBe(comparable(general(text)));
  });
});
