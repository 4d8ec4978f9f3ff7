import { describe, expect, it } from "vitest";
import { sidStatusChangeSchema } from "@/lib/rsa/answers";
import { ds100LookupSchema, sidTokenSchema } from "@/lib/rsa/token-record";

/** The two layers on single records: what tokendesk acts on decides whether a record is usable at all. */

const vendorExample = {
  deviceType: "SID700",
  tokenStatus: "Enabled",
  assignedBy: null,
  registeredDate: null,
  assignedAt: null,
  tokenStatusChangedAt: null,
  userId: null,
  expiryDate: "2027-02-12T00:00:00.000Z",
  tokenSerialNumber: "000000200002",
  pinSet: false,
  name: null,
  id: "486177dd-5e3a-4094-a98f-9ee03f4ad0cd",
  tokenState: "Unassigned",
  tokenStatusChangedBy: null,
  updatedAt: "2021-06-04T16:16:56.879Z",
};
const owner = "26c1e3d6-b31c-803e-cf7f-bdbe7687a72b";
const activated = { ...vendorExample, userId: owner, tokenState: "Activated" };

describe("a token record", () => {
  it("reads informational fields leniently: odd or missing ones are null, never a failure", () => {
    const parsed = sidTokenSchema.parse({
      tokenSerialNumber: "000000200002",
      tokenStatus: "Enabled",
      tokenState: "Unassigned",
      pinSet: "false",
      updatedAt: "2021-06-04T161656.879Z",
      expiryDate: "sometime",
      name: 42,
      deviceType: { nested: true },
    });
    expect(parsed).toMatchObject({ pinSet: false, updatedAt: "2021-06-04T16:16:56.879Z", expiryDate: null });
    expect(parsed).toMatchObject({ name: "42", deviceType: null, assignedAt: null, id: null });
  });

  it("keeps a status or state it does not know as null with RSA's word", () => {
    expect(sidTokenSchema.parse({ ...activated, tokenStatus: " Suspended ", tokenState: "Lost" })).toMatchObject({
      tokenStatus: null,
      rawTokenStatus: "Suspended",
      tokenState: null,
      rawTokenState: "Lost",
    });
    expect(sidTokenSchema.parse({ ...activated, tokenStatus: undefined })).toMatchObject({
      tokenStatus: null,
      rawTokenStatus: "",
    });
    expect(sidTokenSchema.parse({ ...activated, tokenStatus: "enabled" }).tokenStatus).toBeNull(); // exact, where it acts
  });

  it("reads an empty userId as no owner only on an Unassigned token", () => {
    expect(sidTokenSchema.parse({ ...vendorExample, userId: "" }).userId).toBeNull();
    expect(sidTokenSchema.safeParse({ ...activated, userId: "" }).success).toBe(false);
    expect(sidTokenSchema.safeParse({ ...activated, userId: "  ", tokenState: "Lost" }).success).toBe(false);
    expect(sidTokenSchema.safeParse({ ...activated, userId: 12 }).success).toBe(false);
    expect(sidTokenSchema.parse({ ...activated, userId: ` ${owner} ` }).userId).toBe(owner);
  });

  it("refuses a record whose serial cannot be sent back to RSA", () => {
    for (const tokenSerialNumber of [undefined, "", 200002, "0000 0020 0002", "x".repeat(37)])
      expect(sidTokenSchema.safeParse({ ...vendorExample, tokenSerialNumber }).success).toBe(false);
  });
});

describe("a DS100 lookup", () => {
  const credential = { ...activated, tokenSerialNumber: "014010008035", deviceSerialNumber: "140100080" };

  it("hides only the credentials it cannot use, and counts them", () => {
    const answer = [
      credential,
      { ...credential, tokenSerialNumber: undefined },
      { ...credential, tokenSerialNumber: "014010008036", userId: "" },
      { ...credential, tokenSerialNumber: "014010008037", tokenStatus: "Suspended" },
      "not a record",
    ];
    const device = ds100LookupSchema.parse(answer);
    expect(device.credentials.map((c) => [c.tokenSerialNumber, c.tokenStatus])).toEqual([
      ["014010008035", "Enabled"],
      ["014010008037", null],
    ]);
    expect(device.hiddenCredentials).toBe(3);
  });

  it("is unreadable when it is not a list", () => {
    expect(ds100LookupSchema.safeParse(credential).success).toBe(false);
  });
});

describe("a change answer", () => {
  it("is exact: a status tokendesk does not know makes it unreadable", () => {
    const answer = { userId: owner, tokenSerialNumber: "000000300101", tokenStatus: "Disabled" };
    expect(
      sidStatusChangeSchema.parse({ ...answer, tokenStatusChangedAt: "<2021-06-11T19:10:30.045Z>" }),
    ).toMatchObject({ tokenStatus: "Disabled", tokenStatusChangedAt: null });
    expect(sidStatusChangeSchema.safeParse({ ...answer, tokenStatus: "Suspended" }).success).toBe(false);
    expect(sidStatusChangeSchema.safeParse({ ...answer, userId: "" }).success).toBe(false);
  });
});
