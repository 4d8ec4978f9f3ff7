import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_EXAMPLES, type RunningSimulator } from "./index";
import { call, expectBusinessError, readLegacyKey, startTestSimulator } from "./test-support";

/** DS100 calls 2 and 8–10 (device serial vs credential serial) and the user calls 11 and 12. */

let sim: RunningSimulator;
let accessId: string;
beforeAll(async () => {
  sim = await startTestSimulator();
  accessId = (await readLegacyKey(sim)).accessID;
});
beforeEach(() => sim.reset());
afterAll(() => sim.close());

const ex = SEED_EXAMPLES;
const dsLookup = (deviceSerialNumber: unknown) => call(sim, "POST", "/v1/ds100/lookup", { deviceSerialNumber });
const UNKNOWN_USER = "0b8c7f3e-1d2a-4e5f-8a9b-0c1d2e3f4a5b";

describe("2. POST v1/ds100/lookup", () => {
  it("answers an ARRAY with the vendor's example credential verbatim", async () => {
    const answer = await dsLookup(ex.ds100Device);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      {
        id: "d4f8b2e7-f6e4-e102-bb28-ee0b5d37c2f2",
        name: "dak-br03-ngx-01",
        userId: "26c1e3d6-b31c-803e-cf7f-bdbe7687a72b",
        deviceType: "SecurID DS100",
        registeredDate: "2022-06-08T07:58:13.432Z",
        tokenSerialNumber: "014010008035",
        updatedAt: "2022-06-08T09:47:50.496Z",
        tokenState: "Activated",
        expiryDate: null,
        tokenStatus: "Disabled",
        tokenStatusReason: null,
        assignedAt: "2022-06-08T07:58:13.432Z",
        assignedBy: "user3@pelab.com",
        pinSet: true,
        tokenStatusChangedAt: "2022-06-08T09:47:50.493Z",
        tokenStatusChangedBy: "jschmoe@dak-br03-ngx-01.com",
        deviceSerialNumber: "140100080",
      },
    ]);
  });

  it("answers every credential of a two-credential device", async () => {
    const answer = await dsLookup(ex.ds100EnabledDevice);
    expect(answer.status).toBe(200);
    const credentials = answer.body as { tokenSerialNumber: string; deviceSerialNumber: string; tokenStatus: string }[];
    expect(credentials).toHaveLength(2);
    for (const c of credentials) {
      expect(c).toMatchObject({
        deviceSerialNumber: ex.ds100EnabledDevice,
        tokenStatus: "Enabled",
        tokenState: "Activated",
        deviceType: "SecurID DS100",
        expiryDate: null,
        tokenStatusReason: null,
      });
      expect(c.tokenSerialNumber).toMatch(/^\d{12}$/);
    }
  });

  it("404s a 12-digit credential serial (not a device serial), a SID700 serial and an unknown device; 400s a missing one", async () => {
    expectBusinessError(await dsLookup(ex.ds100Credential), 404, "NOT_FOUND");
    expectBusinessError(await dsLookup(ex.unassignedEnabled), 404, "NOT_FOUND");
    expectBusinessError(await dsLookup("999999999"), 404, "NOT_FOUND");
    expectBusinessError(await dsLookup(undefined), 400, "BAD_REQUEST");
    expectBusinessError(await dsLookup(140100080), 400, "BAD_REQUEST");
  });
});

describe("8./9. PATCH v1/ds100/enable|disable/otp", () => {
  const owner = ex.userIds.ds100EnabledDevice;
  const change = (verb: string, body: unknown) => call(sim, "PATCH", `/v1/ds100/${verb}/otp`, body);

  it("disables every credential of the device for that user, answering an array", async () => {
    const answer = await change("disable", { deviceSerialNumber: ex.ds100EnabledDevice, userId: owner });
    expect(answer.status).toBe(200);
    const rows = answer.body as Record<string, unknown>[];
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toEqual({
        userId: owner,
        tokenSerialNumber: expect.stringMatching(/^\d{12}$/),
        tokenStatus: "Disabled",
        tokenStatusChangedAt: expect.stringMatching(/\.\d{3}Z$/),
        tokenStatusChangedBy: accessId,
        deviceSerialNumber: ex.ds100EnabledDevice,
      });
    }
    const after = (await dsLookup(ex.ds100EnabledDevice)).body as {
      tokenStatus: string;
      updatedAt: string;
      tokenStatusChangedAt: string;
    }[];
    expect(after.every((c) => c.tokenStatus === "Disabled" && c.updatedAt === c.tokenStatusChangedAt)).toBe(true);
  });

  it("enables the vendor's disabled DS100 for its user", async () => {
    const answer = await change("enable", { deviceSerialNumber: ex.ds100Device, userId: ex.ds100User });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      expect.objectContaining({
        tokenSerialNumber: ex.ds100Credential,
        tokenStatus: "Enabled",
        tokenStatusChangedBy: accessId,
      }),
    ]);
    expect(sim.model.ds100Credential(ex.ds100Credential)?.tokenStatus).toBe("Enabled");
  });

  it("404s an unknown device, an unknown user, or a device not registered to that user", async () => {
    expectBusinessError(await change("disable", { deviceSerialNumber: "999999999", userId: owner }), 404, "NOT_FOUND");
    expectBusinessError(
      await change("disable", { deviceSerialNumber: ex.ds100EnabledDevice, userId: UNKNOWN_USER }),
      404,
      "NOT_FOUND",
    );
    expectBusinessError(
      await change("disable", { deviceSerialNumber: ex.ds100EnabledDevice, userId: ex.ds100User }),
      404,
      "NOT_FOUND",
    );
    expectBusinessError(
      await change("disable", { deviceSerialNumber: ex.ds100Credential, userId: ex.ds100User }),
      404,
      "NOT_FOUND",
    );
    expect(sim.model.ds100Device(ex.ds100EnabledDevice).every((c) => c.tokenStatus === "Enabled")).toBe(true);
  });

  it("400s a missing device serial or userId", async () => {
    expectBusinessError(await change("disable", { userId: owner }), 400, "BAD_REQUEST");
    expectBusinessError(await change("disable", { deviceSerialNumber: ex.ds100EnabledDevice }), 400, "BAD_REQUEST");
    expectBusinessError(
      await change("enable", { deviceSerialNumber: ex.ds100EnabledDevice, userId: 42 }),
      400,
      "BAD_REQUEST",
    );
  });
});

describe("10. PATCH v1/ds100/clearPin/otp", () => {
  const clearPin = (body: unknown) => call(sim, "PATCH", "/v1/ds100/clearPin/otp", body);

  it("clears the PIN of a credential, by its 12-digit serial", async () => {
    expect(sim.model.ds100Credential(ex.ds100Credential)?.pinSet).toBe(true);
    const answer = await clearPin({ tokenSerialNumber: ex.ds100Credential, userId: ex.ds100User });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ tokenSerialNumber: ex.ds100Credential, pinSet: false });
    expect(sim.model.ds100Credential(ex.ds100Credential)?.pinSet).toBe(false);
  });

  it("404s the device serial, an unknown credential, or another user's credential; 400s missing fields", async () => {
    expectBusinessError(await clearPin({ tokenSerialNumber: ex.ds100Device, userId: ex.ds100User }), 404, "NOT_FOUND");
    expectBusinessError(await clearPin({ tokenSerialNumber: "019999999999", userId: ex.ds100User }), 404, "NOT_FOUND");
    expectBusinessError(
      await clearPin({ tokenSerialNumber: ex.ds100Credential, userId: ex.userIds.ds100EnabledDevice }),
      404,
      "NOT_FOUND",
    );
    expectBusinessError(await clearPin({ userId: ex.ds100User }), 400, "BAD_REQUEST");
    expectBusinessError(await clearPin({ tokenSerialNumber: ex.ds100Credential }), 400, "BAD_REQUEST");
    expect(sim.model.ds100Credential(ex.ds100Credential)?.pinSet).toBe(true);
  });
});

describe("11. POST v1/users/lookup", () => {
  const userLookup = (body: unknown, contentType?: string | null) =>
    call(sim, "POST", "/v1/users/lookup", body, { contentType });

  it("finds a user by e-mail, case-insensitively", async () => {
    const answer = await userLookup({ email: ex.userEmails.assignedEnabledActivated, searchUnsynched: false });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: ex.userIds.assignedEnabledActivated,
      emailAddress: ex.userEmails.assignedEnabledActivated,
      firstName: "Maria",
      lastName: "Santos",
      userStatus: "Enabled",
      isTokenLocked: false,
    });
    expect(
      (await userLookup({ email: ex.userEmails.assignedEnabledActivated.toUpperCase(), searchUnsynched: false }))
        .status,
    ).toBe(200);
  });

  it("415s anything but application/json", async () => {
    const answer = await call(sim, "POST", "/v1/users/lookup", undefined, {
      contentType: "text/plain",
      rawBody: JSON.stringify({ email: ex.userEmails.assignedEnabledActivated }),
    });
    expectBusinessError(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
    expect(
      (await userLookup({ email: ex.userEmails.assignedEnabledActivated }, "application/json; charset=utf-8")).status,
    ).toBe(200);
  });

  it("400s a missing e-mail, 404s an unknown one with the captured description", async () => {
    expectBusinessError(await userLookup({ searchUnsynched: false }), 400, "BAD_REQUEST");
    expectBusinessError(
      await userLookup({ email: "someone@example.com", searchUnsynched: false }),
      404,
      "NOT_FOUND",
      /^User someone@example.com not found$/,
    );
  });
});

describe("12. GET v2/users/{id}/devices", () => {
  const devices = (id: string, version = "v2") => call(sim, "GET", `/${version}/users/${id}/devices`);

  it("lists the user's DS100 credentials and SID700 records, and no FIDO tokens", async () => {
    const limit = await devices(ex.userAtTokenLimit);
    expect(limit.status).toBe(200);
    const body = limit.body as {
      devices: unknown[];
      fidoTokens: unknown[];
      sidTokens: { userId: string; tokenSerialNumber: string }[];
    };
    expect(body.devices).toEqual([]);
    expect(body.fidoTokens).toEqual([]);
    expect(body.sidTokens).toHaveLength(6);
    expect(body.sidTokens.every((t) => t.userId === ex.userAtTokenLimit)).toBe(true);

    const ds = (await devices(ex.ds100User)).body as typeof body;
    expect(ds.devices).toEqual([
      expect.objectContaining({ deviceSerialNumber: ex.ds100Device, tokenSerialNumber: ex.ds100Credential }),
    ]);
    expect(ds.sidTokens).toEqual([]);
  });

  it("400s a malformed id, 404s an unknown user, and exists only as v2", async () => {
    expectBusinessError(await devices("not-a-user-id"), 400, "BAD_REQUEST");
    expectBusinessError(await devices(UNKNOWN_USER), 404, "NOT_FOUND");
    expect((await devices(ex.ds100User, "v1")).status).toBe(404);
  });
});
