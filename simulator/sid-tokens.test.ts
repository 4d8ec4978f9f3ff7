import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_EXAMPLES, type RunningSimulator, type SidToken } from "./index";
import { call, expectBusinessError, readLegacyKey, startTestSimulator } from "./test-support";

/** SID700 calls 1 and 3–7, with every documented status code, and the five-token limit. */

let sim: RunningSimulator;
let accessId: string;
beforeAll(async () => {
  sim = await startTestSimulator();
  accessId = (await readLegacyKey(sim)).accessID;
});
beforeEach(() => sim.reset());
afterAll(() => sim.close());

const ex = SEED_EXAMPLES;
const lookup = (tokenSerialNumber: unknown) => call(sim, "POST", "/v1/sidTokens/lookup", { tokenSerialNumber });
const patch = (userId: string, action: string, body: unknown, version = "v1") =>
  call(sim, "PATCH", `/${version}/users/${userId}/sidTokens/${action}`, body);
const record = (serial: string): SidToken => {
  const token = sim.model.sidToken(serial);
  if (!token) throw new Error(`no token ${serial}`);
  return token;
};
const recentIso = () => expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

describe("1. POST v1/sidTokens/lookup", () => {
  it("answers the vendor's example record verbatim, all 15 fields in order", async () => {
    const answer = await lookup(ex.unassignedEnabled);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.text).toBe(
      JSON.stringify({
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
      }),
    );
  });

  it("answers an assigned token with its owner", async () => {
    const answer = await lookup(ex.assignedEnabledActivated);
    expect(answer.body).toMatchObject({
      tokenSerialNumber: ex.assignedEnabledActivated,
      userId: ex.userIds.assignedEnabledActivated,
      tokenState: "Activated",
      tokenStatus: "Enabled",
    });
    expect(Object.keys(answer.body as object)).toHaveLength(15);
  });

  it("404s an unknown serial, a DS100 credential serial, and the number without its leading zeros as a string", async () => {
    expectBusinessError(await lookup("999"), 404, "NOT_FOUND", /^Hardware token with serial number 999 not found$/);
    expectBusinessError(await lookup(ex.ds100Credential), 404, "NOT_FOUND");
    expectBusinessError(await lookup("200002"), 404, "NOT_FOUND");
  });

  it("400s a missing, empty, non-string or over-36-character serial, and a body that is not JSON", async () => {
    for (const serial of [undefined, "", 200002, null, "1".repeat(37)])
      expectBusinessError(await lookup(serial), 400, "BAD_REQUEST");
    expectBusinessError(
      await call(sim, "POST", "/v1/sidTokens/lookup", undefined, { rawBody: '{"tokenSerialNumber": "000000200002"' }),
      400,
      "BAD_REQUEST",
    );
    expectBusinessError(
      await call(sim, "POST", "/v1/sidTokens/lookup", undefined, { rawBody: '["000000200002"]' }),
      400,
      "BAD_REQUEST",
    );
  });
});

describe("3./4. PATCH v1/users/{id}/sidTokens/enable|disable", () => {
  const owner = ex.userIds.assignedEnabledActivated;
  const serial = ex.assignedEnabledActivated;

  it("disables, recording who and when, and leaves the state alone", async () => {
    const before = record(serial);
    const answer = await patch(owner, "disable", { tokenSerialNumber: serial });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      userId: owner,
      tokenSerialNumber: serial,
      tokenStatus: "Disabled",
      tokenStatusChangedBy: accessId,
      tokenStatusChangedAt: recentIso(),
    });
    const after = record(serial);
    expect(after).toMatchObject({
      tokenStatus: "Disabled",
      tokenState: "Activated",
      tokenStatusChangedBy: accessId,
      userId: owner,
    });
    expect(Date.parse(after.tokenStatusChangedAt!)).toBeGreaterThan(Date.now() - 5000);
    expect(after.updatedAt).toBe(after.tokenStatusChangedAt);
    expect(after.updatedAt).not.toBe(before.updatedAt);
    expect((await lookup(serial)).body).toMatchObject({ tokenStatus: "Disabled" });
  });

  it("enables again; enabling an Enabled token is 200 and changes nothing", async () => {
    await patch(owner, "disable", { tokenSerialNumber: serial });
    expect((await patch(owner, "enable", { tokenSerialNumber: serial })).body).toMatchObject({
      tokenStatus: "Enabled",
    });
    const settled = record(serial);
    await new Promise((r) => setTimeout(r, 5));
    const again = await patch(owner, "enable", { tokenSerialNumber: serial });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({
      userId: owner,
      tokenSerialNumber: serial,
      tokenStatus: "Enabled",
      tokenStatusChangedBy: settled.tokenStatusChangedBy,
      tokenStatusChangedAt: settled.tokenStatusChangedAt,
    });
    expect(record(serial)).toEqual(settled);
  });

  it("works on an Activation Pending token: status and state are independent", async () => {
    const answer = await patch(ex.userIds.activationPending, "disable", { tokenSerialNumber: ex.activationPending });
    expect(answer.status).toBe(200);
    expect(record(ex.activationPending)).toMatchObject({ tokenStatus: "Disabled", tokenState: "Activation Pending" });
  });

  it("409s a token that is not assigned to anyone, with the vendor's reason", async () => {
    expectBusinessError(
      await patch(owner, "enable", { tokenSerialNumber: ex.unassignedDisabled }),
      409,
      "CONFLICT",
      /^Cannot enable a hardware token that is not assigned to a particular user$/,
    );
    expectBusinessError(
      await patch(owner, "disable", { tokenSerialNumber: ex.unassignedEnabled }),
      409,
      "CONFLICT",
      /not assigned/,
    );
    expect(record(ex.unassignedEnabled).tokenStatus).toBe("Enabled");
  });

  it("404s an unknown user, a malformed id, an unknown serial, and someone else's token", async () => {
    expectBusinessError(
      await patch("0b8c7f3e-1d2a-4e5f-8a9b-0c1d2e3f4a5b", "disable", { tokenSerialNumber: serial }),
      404,
      "NOT_FOUND",
    );
    expectBusinessError(await patch("not-a-uuid", "disable", { tokenSerialNumber: serial }), 404, "NOT_FOUND");
    expectBusinessError(await patch(owner, "disable", { tokenSerialNumber: "999999999999" }), 404, "NOT_FOUND");
    expectBusinessError(
      await patch(ex.userIds.assignedDisabled, "disable", { tokenSerialNumber: serial }),
      404,
      "NOT_FOUND",
    );
    expect(record(serial).tokenStatus).toBe("Enabled");
  });

  it("400s a missing serial", async () => {
    expectBusinessError(await patch(owner, "disable", {}), 400, "BAD_REQUEST");
  });
});

describe("the five-active-token limit", () => {
  const limitUser = ex.userAtTokenLimit;
  const tokensOf = () => sim.model.sidTokensOf(limitUser);

  it("holds five active tokens and one disabled in the seed", () => {
    expect(sim.model.activeSidTokenCount(limitUser)).toBe(5);
    expect(tokensOf().filter((t) => t.tokenStatus === "Disabled")).toHaveLength(1);
  });

  it("409s enabling a sixth, and allows it once one of the five is disabled", async () => {
    const disabled = tokensOf().find((t) => t.tokenStatus === "Disabled")!.tokenSerialNumber;
    expectBusinessError(await patch(limitUser, "enable", { tokenSerialNumber: disabled }), 409, "CONFLICT", /5 active/);
    expect(record(disabled).tokenStatus).toBe("Disabled");

    const active = tokensOf().find((t) => t.tokenStatus === "Enabled")!.tokenSerialNumber;
    expect((await patch(limitUser, "disable", { tokenSerialNumber: active })).status).toBe(200);
    expect((await patch(limitUser, "enable", { tokenSerialNumber: disabled })).status).toBe(200);
    expect(sim.model.activeSidTokenCount(limitUser)).toBe(5);
  });

  it("409s assigning a token to a user at the limit", async () => {
    expectBusinessError(await patch(limitUser, "assign", { tokenSerialNumber: ex.unassignedSpare }), 409, "CONFLICT");
    expect(record(ex.unassignedSpare).userId).toBeNull();
  });
});

describe("5. PATCH v1/users/{id}/sidTokens/unassign", () => {
  it("unassigns, clearing the owner's fields and keeping the status", async () => {
    const owner = ex.userIds.assignedDisabled;
    const answer = await patch(owner, "unassign", { tokenSerialNumber: ex.assignedDisabled });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ tokenSerialNumber: ex.assignedDisabled, tokenState: "Unassigned" });
    const after = record(ex.assignedDisabled);
    expect(after).toMatchObject({
      userId: null,
      name: null,
      assignedAt: null,
      assignedBy: null,
      registeredDate: null,
      pinSet: false,
      tokenState: "Unassigned",
      tokenStatus: "Disabled",
    });
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.now() - 5000);
  });

  it("409s a token not assigned to this user: unassigned, or someone else's", async () => {
    const owner = ex.userIds.assignedDisabled;
    expectBusinessError(await patch(owner, "unassign", { tokenSerialNumber: ex.unassignedEnabled }), 409, "CONFLICT");
    expectBusinessError(
      await patch(owner, "unassign", { tokenSerialNumber: ex.assignedEnabledActivated }),
      409,
      "CONFLICT",
    );
    expect(record(ex.assignedEnabledActivated).userId).toBe(ex.userIds.assignedEnabledActivated);
  });

  it("404s an unknown user or serial; 400s a malformed id or a missing serial", async () => {
    expectBusinessError(
      await patch("0b8c7f3e-1d2a-4e5f-8a9b-0c1d2e3f4a5b", "unassign", { tokenSerialNumber: ex.assignedDisabled }),
      404,
      "NOT_FOUND",
    );
    expectBusinessError(
      await patch(ex.userIds.assignedDisabled, "unassign", { tokenSerialNumber: "999999999999" }),
      404,
      "NOT_FOUND",
    );
    expectBusinessError(
      await patch("12345", "unassign", { tokenSerialNumber: ex.assignedDisabled }),
      400,
      "BAD_REQUEST",
    );
    expectBusinessError(
      await patch(ex.userIds.assignedDisabled, "unassign", { serial: ex.assignedDisabled }),
      400,
      "BAD_REQUEST",
    );
  });
});

describe("6. PATCH v1/users/{id}/sidTokens/assign", () => {
  const user = ex.userIds.assignedEnabledSpares[0];

  it("assigns an unassigned token: Activation Pending, assignedBy the caller, status untouched", async () => {
    const answer = await patch(user, "assign", {
      tokenSerialNumber: ex.unassignedSpare,
      tokenName: "Spare for travel",
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      userId: user,
      tokenSerialNumber: ex.unassignedSpare,
      tokenState: "Activation Pending",
    });
    expect(record(ex.unassignedSpare)).toMatchObject({
      userId: user,
      name: "Spare for travel",
      tokenState: "Activation Pending",
      tokenStatus: "Enabled",
      assignedBy: accessId,
      assignedAt: recentIso(),
      registeredDate: null,
    });
    expect((await call(sim, "GET", `/v2/users/${user}/devices`)).body).toMatchObject({
      sidTokens: expect.arrayContaining([expect.objectContaining({ tokenSerialNumber: ex.unassignedSpare })]),
    });
  });

  it("409s a token that is already assigned, to anyone", async () => {
    expectBusinessError(
      await patch(user, "assign", { tokenSerialNumber: ex.assignedEnabledActivated }),
      409,
      "CONFLICT",
    );
    expectBusinessError(
      await patch(user, "assign", { tokenSerialNumber: ex.assignedEnabledSpares[0] }),
      409,
      "CONFLICT",
    );
  });

  it("400s a name over 255 characters or a malformed id; 404s an unknown user or serial", async () => {
    expectBusinessError(
      await patch(user, "assign", { tokenSerialNumber: ex.unassignedSpare, tokenName: "x".repeat(256) }),
      400,
      "BAD_REQUEST",
    );
    expectBusinessError(await patch("nope", "assign", { tokenSerialNumber: ex.unassignedSpare }), 400, "BAD_REQUEST");
    expectBusinessError(
      await patch("0b8c7f3e-1d2a-4e5f-8a9b-0c1d2e3f4a5b", "assign", { tokenSerialNumber: ex.unassignedSpare }),
      404,
      "NOT_FOUND",
    );
    expectBusinessError(await patch(user, "assign", { tokenSerialNumber: "999999999999" }), 404, "NOT_FOUND");
    expect(record(ex.unassignedSpare).userId).toBeNull();
    expect(
      (await patch(user, "assign", { tokenSerialNumber: ex.unassignedSpare, tokenName: "x".repeat(255) })).status,
    ).toBe(200);
  });
});

describe("7. PATCH v2/users/{id}/sidTokens/clearPin", () => {
  const owner = ex.userIds.assignedEnabledActivated;

  it("clears the PIN (v2 only)", async () => {
    const answer = await patch(owner, "clearPin", { tokenSerialNumber: ex.assignedEnabledActivated }, "v2");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ userId: owner, tokenSerialNumber: ex.assignedEnabledActivated, pinSet: false });
    expect(record(ex.assignedEnabledActivated).pinSet).toBe(false);
    expect((await patch(owner, "clearPin", { tokenSerialNumber: ex.assignedEnabledActivated }, "v1")).status).toBe(404);
  });

  it("409s a token not assigned to this user; 404s unknown user or serial", async () => {
    expectBusinessError(
      await patch(owner, "clearPin", { tokenSerialNumber: ex.assignedDisabled }, "v2"),
      409,
      "CONFLICT",
    );
    expectBusinessError(
      await patch(owner, "clearPin", { tokenSerialNumber: ex.unassignedEnabled }, "v2"),
      409,
      "CONFLICT",
    );
    expectBusinessError(await patch(owner, "clearPin", { tokenSerialNumber: "999999999999" }, "v2"), 404, "NOT_FOUND");
    expectBusinessError(
      await patch(
        "0b8c7f3e-1d2a-4e5f-8a9b-0c1d2e3f4a5b",
        "clearPin",
        { tokenSerialNumber: ex.assignedEnabledActivated },
        "v2",
      ),
      404,
      "NOT_FOUND",
    );
  });
});
