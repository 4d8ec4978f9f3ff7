import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_EXAMPLES, type RunningSimulator } from "./index";
import { bearer, call, CREDENTIALS, expectBusinessError, expectForbidden, startTestSimulator } from "./test-support";

/** The user record (calls 11, 13), user search (13), a user's authenticators (12) and a token's name (17). */

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
beforeEach(() => sim.reset());
afterAll(() => sim.close());

const ex = SEED_EXAMPLES;
const people = ex.users;
const UNKNOWN_USER = "0b8c7f3e-1d2a-4e5f-8a9b-0c1d2e3f4a5b";
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** REFERENCE.md's user record fields, in the simulator's answer order (optional ones marked). */
const RECORD_FIELDS = [
  "id",
  "emailAddress",
  "firstName",
  "lastName",
  "creationDate",
  "identitySource",
  "userStatus",
  "highRiskUser",
  "markDeleted",
  "smsNumber?",
  "voiceNumber?",
  "isTokenLocked",
  "isSmsLocked",
  "isVoiceLocked",
  "isFingerprintLocked",
  "isApproveLocked",
  "principalUsername",
  "alternateUsername",
  "lastSyncTime",
  "monthLastAuthenticated",
  "emergencyAccessStatus",
  "emergencyTokencodeExpiration",
  "lastSuccessfulAuthenticationMethod?",
  "lastSuccessfulAuthenticationDate?",
];

function expectUserRecord(record: Record<string, unknown>): void {
  const keys = Object.keys(record);
  const expected = RECORD_FIELDS.filter((f) => !f.endsWith("?") || keys.includes(f.slice(0, -1))).map((f) =>
    f.replace("?", ""),
  );
  expect(keys).toEqual(expected);
  expect(record.creationDate).toMatch(ISO);
  expect(["Enabled", "Disabled"]).toContain(record.userStatus);
  expect(["NONE", "ACTIVE", "EXPIRED"]).toContain(record.emergencyAccessStatus);
  if (record.monthLastAuthenticated !== null) expect(record.monthLastAuthenticated).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
}

describe("11. the user record", () => {
  const lookup = async (email: string) =>
    (await call(sim, "POST", "/v1/users/lookup", { email, searchUnsynched: false })).body as Record<string, unknown>;

  it("carries every field of REFERENCE.md, the optional ones only when the user has them", async () => {
    const raj = await lookup(people.lockedOut.email);
    expectUserRecord(raj);
    expect(raj).toMatchObject({
      id: people.lockedOut.id,
      firstName: "Raj",
      lastName: "Malhotra",
      identitySource: "Active Directory (corp.example)",
      principalUsername: "rmalhotra",
      alternateUsername: people.lockedOut.email,
      isTokenLocked: true,
      isSmsLocked: true,
      smsNumber: "+12125550147",
      emergencyAccessStatus: "NONE",
      emergencyTokencodeExpiration: null,
    });
    expect(raj.lastSyncTime).toMatch(ISO);

    const aiko = await lookup(people.newHire.email);
    expectUserRecord(aiko);
    expect(aiko).toMatchObject({ monthLastAuthenticated: null, isTokenLocked: false });
    expect(aiko).not.toHaveProperty("lastSuccessfulAuthenticationMethod");
    expect(Date.now() - Date.parse(aiko.creationDate as string)).toBeLessThan(4 * 24 * 3600_000);

    const jane2 = await lookup(people.janeDoe2.email);
    expect(jane2).toMatchObject({ identitySource: "Cloud Directory", alternateUsername: null, lastSyncTime: null });
    expect(jane2.principalUsername).toBe(people.janeDoe2.email);
  });

  it("shows an active emergency access code", async () => {
    const oscar = await lookup(people.travelling.email);
    expect(oscar.emergencyAccessStatus).toBe("ACTIVE");
    expect(Date.parse(oscar.emergencyTokencodeExpiration as string)).toBeGreaterThan(Date.now() + 24 * 3600_000);
  });

  it("every user of the seed has a well-formed record", () => {
    for (const user of sim.model.allUsers()) expectUserRecord(user as unknown as Record<string, unknown>);
  });
});

describe("12. GET v2/users/{id}/devices: phones and FIDO keys", () => {
  it("lists a phone in devices and a FIDO key in fidoTokens, read-only records", async () => {
    const answer = await call(sim, "GET", `/v2/users/${people.phoneAndFido.id}/devices`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      devices: [
        {
          id: people.phoneAndFido.phoneId,
          name: "Camille's iPhone",
          userId: people.phoneAndFido.id,
          deviceType: "iOS",
          registeredDate: expect.stringMatching(ISO),
          updatedAt: expect.stringMatching(ISO),
          status: "Enabled",
        },
      ],
      fidoTokens: [
        {
          id: people.phoneAndFido.fidoId,
          name: "YubiKey 5C NFC",
          userId: people.phoneAndFido.id,
          deviceType: "FIDO",
          registeredDate: expect.stringMatching(ISO),
          updatedAt: expect.stringMatching(ISO),
          status: "Enabled",
        },
      ],
      sidTokens: [],
    });
  });

  it("lists the leaver's DS100 credential and SID700 together", async () => {
    const body = (await call(sim, "GET", `/v2/users/${people.leaver.id}/devices`)).body as {
      devices: { deviceSerialNumber?: string }[];
      sidTokens: { tokenSerialNumber: string }[];
    };
    expect(body.devices.map((d) => d.deviceSerialNumber)).toEqual([people.leaver.ds100Device]);
    expect(body.sidTokens.map((t) => t.tokenSerialNumber)).toEqual([people.leaver.sidToken]);
  });

  it("gives some of the population phones (Android and iOS) and FIDO keys", () => {
    const users = sim.model.allUsers();
    const phones = users.flatMap((u) => sim.model.mobileDevicesOf(u.id));
    const keys = users.flatMap((u) => sim.model.fidoTokensOf(u.id));
    expect(new Set(phones.map((p) => p.deviceType))).toEqual(new Set(["iOS", "Android"]));
    expect(phones.length).toBeGreaterThan(30);
    expect(keys.length).toBeGreaterThan(3);
  });
});

describe.each(CREDENTIALS)("13. POST v2/users/search, as the %s", (credential) => {
  let token: string;
  beforeAll(async () => {
    token = await bearer(sim, credential);
  });
  const search = (body: unknown, query = "", rawBody?: string) =>
    call(sim, "POST", `/v2/users/search${query}`, body, { token, rawBody });
  const emails = (answer: { body: unknown }) => (answer.body as { emailAddress: string }[]).map((u) => u.emailAddress);

  it("finds every e-mail containing the term, case-insensitively, sorted by e-mail, as full records", async () => {
    const answer = await search({ emailLike: ex.search.jane.term });
    expect(answer.status).toBe(200);
    expect(emails(answer)).toEqual(ex.search.jane.emails);
    for (const record of answer.body as Record<string, unknown>[]) expectUserRecord(record);
    expect((answer.body as unknown[])[1]).toEqual(sim.model.user(people.janeDoe.id));
    expect(emails(await search({ emailLike: "JaNe" }))).toEqual(ex.search.jane.emails);
    expect(emails(await search({ emailLike: "jane.doe" }))).toEqual([people.janeDoe2.email, people.janeDoe.email]);
  });

  it("pages: ten by default, pageNumber from 0, an empty page past the end", async () => {
    const all = ex.search.multiPage.users.map((u) => u.email);
    const term = { emailLike: ex.search.multiPage.term };
    expect(emails(await search(term))).toEqual(all.slice(0, 10));
    expect(emails(await search(term, "?pageNumber=1"))).toEqual(all.slice(10));
    expect(await search(term, "?pageNumber=2")).toMatchObject({ status: 200, body: [] });
    expect(emails(await search(term, "?pageSize=5&pageNumber=2"))).toEqual(all.slice(10));
    expect(emails(await search(term, "?pageSize=100&pageNumber=0"))).toEqual(all);
    expect(emails(await search(term, "?pageSize=1&pageNumber=11"))).toEqual([all[11]]);
  });

  it("takes the term literally: % * and _ are no wildcards", async () => {
    expect(emails(await search({ emailLike: "j_doe" }))).toEqual([people.underscore.email]);
    expect(emails(await search({ emailLike: "_" }))).toEqual([people.underscore.email]);
    for (const emailLike of ["jane%", "%jane", "jane*", "j%doe", "j*doe", "jane_doe", "j.doe"])
      expect((await search({ emailLike })).body, emailLike).toEqual([]);
    expect((await search({ emailLike: "nobody-at-all" })).body).toEqual([]);
  });

  it("400s a missing or empty emailLike, a body that is not a JSON object, and bad paging", async () => {
    for (const body of [{}, { emailLike: "" }, { emailLike: "   " }, { emailLike: 42 }, { emailLike: null }, ["jane"]])
      expectBusinessError(await search(body), 400, "BAD_REQUEST");
    expectBusinessError(await search(undefined, "", "{emailLike:"), 400, "BAD_REQUEST");
    expectBusinessError(await search(undefined, "", ""), 400, "BAD_REQUEST");
    expectBusinessError(await search({ emailLike: "x".repeat(256) }), 400, "BAD_REQUEST");
    for (const query of [
      "?pageSize=0",
      "?pageSize=101",
      "?pageSize=ten",
      "?pageSize=1.5",
      "?pageSize=-1",
      "?pageSize=",
      "?pageNumber=-1",
      "?pageNumber=x",
    ])
      expectBusinessError(await search({ emailLike: "jane" }, query), 400, "BAD_REQUEST", /page(Size|Number)/);
  });
});

describe("13. search: 403 without a valid token", () => {
  it("is refused before anything else", async () => {
    expectForbidden(
      await call(sim, "POST", "/v2/users/search", { emailLike: "jane" }, { token: null }),
      "/v2/users/search",
    );
  });
});

describe.each(CREDENTIALS)("17. PATCH v1/users/{id}/sidTokens/updateName, as the %s", (credential) => {
  let token: string;
  beforeAll(async () => {
    token = await bearer(sim, credential);
  });
  const rename = (userId: string, body: unknown, rawBody?: string) =>
    call(sim, "PATCH", `/v1/users/${userId}/sidTokens/updateName`, body, { token, rawBody });
  const lena = people.forgottenPin;

  it("renames the user's token and answers tokenSerialNumber, name and userId", async () => {
    const before = sim.model.sidToken(lena.sidToken)!;
    const answer = await rename(lena.id, { tokenSerialNumber: lena.sidToken, updatedName: "Lena's spare" });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(
      JSON.stringify({ tokenSerialNumber: lena.sidToken, name: "Lena's spare", userId: lena.id }),
    );
    const after = sim.model.sidToken(lena.sidToken)!;
    expect(after).toEqual({ ...before, name: "Lena's spare", updatedAt: expect.stringMatching(ISO) });
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.now() - 5000);
    const longest = "n".repeat(255);
    expect((await rename(lena.id, { tokenSerialNumber: lena.sidToken, updatedName: longest })).body).toMatchObject({
      name: longest,
    });
  });

  it("400s a bad body or a malformed user id", async () => {
    for (const body of [
      { updatedName: "x" },
      { tokenSerialNumber: lena.sidToken },
      { tokenSerialNumber: lena.sidToken, updatedName: "" },
      { tokenSerialNumber: lena.sidToken, updatedName: 7 },
      { tokenSerialNumber: lena.sidToken, updatedName: "n".repeat(256) },
      { tokenSerialNumber: 300301, updatedName: "x" },
    ])
      expectBusinessError(await rename(lena.id, body), 400, "BAD_REQUEST");
    expectBusinessError(await rename(lena.id, undefined, "not json"), 400, "BAD_REQUEST");
    expectBusinessError(
      await rename("not-a-user", { tokenSerialNumber: lena.sidToken, updatedName: "x" }),
      400,
      "BAD_REQUEST",
    );
    expect(sim.model.sidToken(lena.sidToken)?.name).toBe("Primary token");
  });

  it("404s an unknown user or serial; 409s a token not assigned to that user", async () => {
    expectBusinessError(
      await rename(UNKNOWN_USER, { tokenSerialNumber: lena.sidToken, updatedName: "x" }),
      404,
      "NOT_FOUND",
    );
    expectBusinessError(
      await rename(lena.id, { tokenSerialNumber: "999999999999", updatedName: "x" }),
      404,
      "NOT_FOUND",
    );
    expectBusinessError(
      await rename(lena.id, { tokenSerialNumber: people.leaver.sidToken, updatedName: "x" }),
      409,
      "CONFLICT",
    );
    expectBusinessError(
      await rename(lena.id, { tokenSerialNumber: ex.unassignedSpares[0], updatedName: "x" }),
      409,
      "CONFLICT",
    );
    expect(sim.model.sidToken(people.leaver.sidToken)?.name).toBe("Office token");
  });
});

describe("new calls answer 429 and 500 from faults, and 403 without a token", () => {
  const calls = (): [string, string, unknown][] => [
    ["POST", "/v2/users/search", { emailLike: "jane" }],
    [
      "PUT",
      `/v2/users/${people.newHire.id}/emergencyTokencode`,
      { oneTimeUse: true, expiryUnit: "hours", expiryValue: 4 },
    ],
    [
      "DELETE",
      `/v1/users/${people.travelling.id}/emergencyTokencode/${people.travelling.emergencyTokencodeId}`,
      undefined,
    ],
    [
      "PATCH",
      `/v1/users/${people.forgottenPin.id}/sidTokens/updateName`,
      { tokenSerialNumber: people.forgottenPin.sidToken, updatedName: "x" },
    ],
    ["POST", `/v1/users/${people.janeDoe.id}/verify/start`, undefined],
    ["GET", `/v1/users/${people.janeDoe.id}/verify/status`, undefined],
  ];

  it("429 (business shape) and 500, with nothing changed", async () => {
    const token = await bearer(sim, "OAuth RSA client");
    for (const [method, path, body] of calls()) {
      sim.setFault({ kind: "rate-limit", times: 1 });
      expectBusinessError(await call(sim, method, path, body, { token }), 429, "TOO_MANY_REQUESTS");
      sim.setFault({ kind: "server-error", times: 1 });
      expectBusinessError(await call(sim, method, path, body, { token }), 500, "INTERNAL_SERVER_ERROR");
      expectForbidden(await call(sim, method, path, body, { token: null }), path);
    }
    expect(sim.model.user(people.travelling.id)?.emergencyAccessStatus).toBe("ACTIVE");
    expect(sim.model.user(people.newHire.id)?.emergencyAccessStatus).toBe("NONE");
    expect(sim.model.sidToken(people.forgottenPin.sidToken)?.name).toBe("Primary token");
    expectBusinessError(
      await call(sim, "GET", `/v1/users/${people.janeDoe.id}/verify/status`, undefined, { token }),
      404,
      "NOT_FOUND",
    );
  });
});
