import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { daysUntilDay, formatDay, utcDay } from "@/lib/format/calendar-day";

const EXPIRY = "2027-02-12T00:00:00.000Z"; // the vendor example's expiryDate

describe("a day RSA sends as midnight UTC, seen from west of UTC", () => {
  const original = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = "America/Los_Angeles";
  });
  afterAll(() => {
    process.env.TZ = original;
  });

  it("really is the previous day in local time here (the bug this guards against)", () => {
    expect(new Date(EXPIRY).getDate()).toBe(11);
    expect(new Date(EXPIRY).toLocaleDateString("en-GB")).toBe("11/02/2027");
  });

  it("is shown as the UTC date, with no time and no zone shift", () => {
    expect(utcDay(EXPIRY)).toBe("2027-02-12");
    expect(formatDay(EXPIRY, "en-GB")).toBe("12 Feb 2027");
    expect(formatDay(EXPIRY, "en-US")).toBe("Feb 12, 2027");
    expect(formatDay("2027-02-12T23:59:59.999Z", "en-GB")).toBe("12 Feb 2027");
  });

  it("counts the days left in UTC days", () => {
    expect(daysUntilDay(EXPIRY, Date.parse("2027-02-11T23:30:00Z"))).toBe(1);
    expect(daysUntilDay(EXPIRY, Date.parse("2027-02-12T20:00:00Z"))).toBe(0);
    expect(daysUntilDay(EXPIRY, Date.parse("2027-02-13T00:00:01Z"))).toBe(-1);
  });

  it("leaves what is not a date alone", () => {
    expect(utcDay("soon")).toBeNull();
    expect(formatDay("soon")).toBe("soon");
    expect(daysUntilDay("soon", 0)).toBeNull();
  });
});
