import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_EXAMPLES, startSimulator, type RunningSimulator } from "./index";
import { bearer, call, CREDENTIALS, expectBusinessError, newKeyDir } from "./test-support";

/** Emergency access codes: issue (call 14, v2 PUT) and cancel (call 15, v1 DELETE), and the user record's status. */

const log: string[] = [];
let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, keyDir: await newKeyDir(), log: (line) => log.push(line) });
});
beforeEach(() => {
  sim.reset();
  log.length = 0;
});
afterAll(() => sim.close());

const people = SEED_EXAMPLES.users;
const UNKNOWN_USER = "0b8c7f3e-1d2a-4e5f-8a9b-0c1d2e3f4a5b";
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

interface Issued {
  emergencyTokencodeId: string;
  emergencyTokencode: string;
  expirationDate: string;
  offlineExpirationDate: string;
  oneTimeUse: boolean;
  configurationsLocked: boolean;
}

describe.each(CREDENTIALS)("as the %s", (credential) => {
  let token: string;
  beforeAll(async () => {
    token = await bearer(sim, credential);
  });
  const issue = (userId: string, body: unknown, rawBody?: string) =>
    call(sim, "PUT", `/v2/users/${userId}/emergencyTokencode`, body, { token, rawBody });
  const cancel = (userId: string, codeId: string) =>
    call(sim, "DELETE", `/v1/users/${userId}/emergencyTokencode/${codeId}`, undefined, { token });
  const userOf = (id: string) => sim.model.user(id)!;
  const aiko = people.newHire;

  it("14. issues a code: the answer's fields, a fresh 8-digit code, the user ACTIVE until expirationDate", async () => {
    const started = Date.now();
    const answer = await issue(aiko.id, { oneTimeUse: true, expiryUnit: "hours", expiryValue: 8 });
    expect(answer.status).toBe(200);
    const issued = answer.body as Issued;
    expect(Object.keys(issued)).toEqual([
      "emergencyTokencodeId",
      "emergencyTokencode",
      "expirationDate",
      "offlineExpirationDate",
      "oneTimeUse",
      "configurationsLocked",
    ]);
    expect(issued).toMatchObject({
      emergencyTokencode: expect.stringMatching(/^\d{8}$/),
      expirationDate: expect.stringMatching(ISO),
      offlineExpirationDate: issued.expirationDate,
      oneTimeUse: true,
      configurationsLocked: false,
    });
    const lifetime = Date.parse(issued.expirationDate) - started;
    expect(lifetime).toBeGreaterThan(8 * 3600_000 - 5000);
    expect(lifetime).toBeLessThan(8 * 3600_000 + 5000);
    expect(userOf(aiko.id)).toMatchObject({
      emergencyAccessStatus: "ACTIVE",
      emergencyTokencodeExpiration: issued.expirationDate,
    });
    // The lookup answers the same.
    const lookup = await call(sim, "POST", "/v1/users/lookup", { email: aiko.email }, { token });
    expect(lookup.body).toMatchObject({ emergencyAccessStatus: "ACTIVE" });
  });

  it("14. a new code differs from the last and replaces it (the old id is then unknown)", async () => {
    const body = { oneTimeUse: false, expiryUnit: "days", expiryValue: 1 };
    const first = (await issue(aiko.id, body)).body as Issued;
    const second = (await issue(aiko.id, body)).body as Issued;
    const third = (await issue(aiko.id, body)).body as Issued;
    expect(new Set([first.emergencyTokencode, second.emergencyTokencode, third.emergencyTokencode]).size).toBe(3);
    expect(new Set([first.emergencyTokencodeId, second.emergencyTokencodeId]).size).toBe(2);
    expectBusinessError(await cancel(aiko.id, first.emergencyTokencodeId), 404, "NOT_FOUND");
    expect(userOf(aiko.id).emergencyAccessStatus).toBe("ACTIVE");
    expect((await cancel(aiko.id, third.emergencyTokencodeId)).status).toBe(200);
  });

  it("14. accepts one minute to seven days in any unit, 400s anything else", async () => {
    for (const [expiryUnit, expiryValue] of [
      ["minutes", 1],
      ["minutes", 10080],
      ["hours", 168],
      ["days", 7],
    ] as const)
      expect(
        (await issue(aiko.id, { oneTimeUse: true, expiryUnit, expiryValue })).status,
        `${expiryValue} ${expiryUnit}`,
      ).toBe(200);

    for (const body of [
      { oneTimeUse: true, expiryUnit: "minutes", expiryValue: 0 },
      { oneTimeUse: true, expiryUnit: "minutes", expiryValue: 10081 },
      { oneTimeUse: true, expiryUnit: "hours", expiryValue: 169 },
      { oneTimeUse: true, expiryUnit: "days", expiryValue: 8 },
      { oneTimeUse: true, expiryUnit: "days", expiryValue: -1 },
      { oneTimeUse: true, expiryUnit: "days", expiryValue: 1.5 },
      { oneTimeUse: true, expiryUnit: "days", expiryValue: "2" },
      { oneTimeUse: true, expiryUnit: "weeks", expiryValue: 1 },
      { oneTimeUse: true, expiryUnit: "Days", expiryValue: 1 },
      { oneTimeUse: "false", expiryUnit: "days", expiryValue: 1 },
      { expiryUnit: "days", expiryValue: 1 },
      { oneTimeUse: true, expiryValue: 1 },
      { oneTimeUse: true, expiryUnit: "days" },
    ])
      expectBusinessError(await issue(people.janeDoe.id, body), 400, "BAD_REQUEST");
    expectBusinessError(await issue(people.janeDoe.id, undefined, "{oneTimeUse:"), 400, "BAD_REQUEST");
    expect(userOf(people.janeDoe.id).emergencyAccessStatus).toBe("NONE");
  });

  it("14. 404s an unknown user (or a malformed id)", async () => {
    const body = { oneTimeUse: true, expiryUnit: "hours", expiryValue: 1 };
    expectBusinessError(await issue(UNKNOWN_USER, body), 404, "NOT_FOUND");
    expectBusinessError(await issue("not-a-user", body), 404, "NOT_FOUND");
  });

  it("15. cancels the current code: 200 with an empty body, status back to NONE", async () => {
    const oscar = people.travelling;
    expect(userOf(oscar.id).emergencyAccessStatus).toBe("ACTIVE");
    const answer = await cancel(oscar.id, oscar.emergencyTokencodeId);
    expect(answer.status).toBe(200);
    expect(answer.text).toBe("");
    expect(answer.headers.get("content-length")).toBe("0");
    expect(userOf(oscar.id)).toMatchObject({ emergencyAccessStatus: "NONE", emergencyTokencodeExpiration: null });
    expect(sim.model.emergencyCodeOf(oscar.id)).toBeUndefined();
  });

  it("15. 404s an unknown user, an unknown or already-cancelled code, or another user's code", async () => {
    const oscar = people.travelling;
    expectBusinessError(await cancel(UNKNOWN_USER, oscar.emergencyTokencodeId), 404, "NOT_FOUND");
    expectBusinessError(await cancel(people.janeDoe.id, oscar.emergencyTokencodeId), 404, "NOT_FOUND");
    expectBusinessError(await cancel(oscar.id, UNKNOWN_USER), 404, "NOT_FOUND");
    expect(userOf(oscar.id).emergencyAccessStatus).toBe("ACTIVE");
    expect((await cancel(oscar.id, oscar.emergencyTokencodeId)).status).toBe(200);
    expectBusinessError(await cancel(oscar.id, oscar.emergencyTokencodeId), 404, "NOT_FOUND");
  });
});

describe("the code is a secret", () => {
  it("never appears in the simulator's log lines, nor in the tenant's state", async () => {
    const token = await bearer(sim, "OAuth RSA client");
    sim.setFault({ kind: "latency", latencyMs: 1, operations: ["change"], times: 1 }); // a fault log line too
    const answer = await call(
      sim,
      "PUT",
      `/v2/users/${people.newHire.id}/emergencyTokencode`,
      { oneTimeUse: true, expiryUnit: "minutes", expiryValue: 30 },
      { token },
    );
    const { emergencyTokencode } = answer.body as Issued;
    await new Promise((resolve) => setTimeout(resolve, 20)); // the request line is written when the answer finishes
    expect(log.some((line) => line.includes("/emergencyTokencode"))).toBe(true);
    expect(log.join("\n")).not.toContain(emergencyTokencode);
    expect(JSON.stringify(sim.model.emergencyCodeOf(people.newHire.id))).not.toContain(emergencyTokencode);
    expect(JSON.stringify(sim.model.allUsers())).not.toContain(emergencyTokencode);
  });
});

describe("expiry", () => {
  it("shows EXPIRED once the code ran out (and it can still be cancelled)", async () => {
    let clock = Date.now();
    const timed = await startSimulator({ port: 0, keyDir: await newKeyDir(), now: () => clock });
    try {
      const token = await bearer(timed, "OAuth EC client");
      const issued = (
        await call(
          timed,
          "PUT",
          `/v2/users/${people.newHire.id}/emergencyTokencode`,
          { oneTimeUse: true, expiryUnit: "minutes", expiryValue: 5 },
          { token },
        )
      ).body as Issued;
      expect(timed.model.user(people.newHire.id)?.emergencyAccessStatus).toBe("ACTIVE");
      clock += 5 * 60_000;
      expect(timed.model.user(people.newHire.id)).toMatchObject({
        emergencyAccessStatus: "EXPIRED",
        emergencyTokencodeExpiration: issued.expirationDate,
      });
      const cancelled = await call(
        timed,
        "DELETE",
        `/v1/users/${people.newHire.id}/emergencyTokencode/${issued.emergencyTokencodeId}`,
        undefined,
        { token },
      );
      expect(cancelled.status).toBe(200);
      expect(timed.model.user(people.newHire.id)?.emergencyAccessStatus).toBe("NONE");
    } finally {
      await timed.close();
    }
  });
});
