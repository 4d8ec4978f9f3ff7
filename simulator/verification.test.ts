import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_EXAMPLES, startSimulator, VERIFY_SESSION_SECONDS, type RunningSimulator } from "./index";
import { bearer, call, control, expectBusinessError, expectForbidden, newKeyDir } from "./test-support";

/** Live verification (call 16): OAuth only, licensed tenants only; the control endpoints play the caller's phone. */

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, keyDir: await newKeyDir() });
});
beforeEach(() => sim.reset());
afterAll(() => sim.close());

const jane = SEED_EXAMPLES.users.janeDoe;
const UNKNOWN_USER = "0b8c7f3e-1d2a-4e5f-8a9b-0c1d2e3f4a5b";
const path = (userId: string, action: string) => `/v1/users/${userId}/verify/${action}`;
const VERIFY_CALLS = [
  ["POST", "start", undefined],
  ["GET", "status", undefined],
  ["POST", "code", { verifyCode: "12345678" }],
  ["POST", "cancel", undefined],
] as const;

describe.each([
  ["OAuth RSA client", false],
  ["OAuth EC client", true],
] as const)("as the %s", (credential, ec) => {
  let token: string;
  let clientId: string;
  beforeAll(async () => {
    token = await bearer(sim, credential);
    clientId = ec ? sim.oauthEc.clientId : sim.oauth.clientId;
  });
  const verify = (action: string, body?: unknown, userId: string = jane.id, rawBody?: string) =>
    call(sim, action === "status" ? "GET" : "POST", path(userId, action), body, { token, rawBody });
  const phone = (action: "approve" | "deny") => control(sim, "POST", `/users/${jane.id}/verify/${action}`);
  const codeOnPhone = async () =>
    ((await control(sim, "GET", `/users/${jane.id}/verify/code`)).body as { verifyCode: string }).verifyCode;

  it("start: PENDING, the caller's e-mail, the OAuth client as adminUsername, three minutes", async () => {
    const started = Date.now();
    const answer = await verify("start");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      userId: jane.id,
      userEmail: jane.email,
      adminUsername: clientId,
      sessionExpiration: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      verifyStatus: "PENDING",
      status: "IN_PROGRESS",
      verificationMethod: null,
    });
    const expires = Date.parse((answer.body as { sessionExpiration: string }).sessionExpiration);
    expect(expires - started).toBeGreaterThan(VERIFY_SESSION_SECONDS * 1000 - 5000);
    expect(expires - started).toBeLessThan(VERIFY_SESSION_SECONDS * 1000 + 5000);
    expect((await verify("status")).body).toEqual(answer.body);
  });

  it("start again while one is pending: 409 in the business shape", async () => {
    await verify("start");
    expectBusinessError(
      await verify("start"),
      409,
      "CONFLICT",
      /^A verification is already in progress for this user$/,
    );
  });

  it("the caller approves the push: VERIFIED by PUSH, and a new one may start", async () => {
    await verify("start");
    expect((await phone("approve")).body).toMatchObject({ verifyStatus: "VERIFIED", verificationMethod: "PUSH" });
    expect((await verify("status")).body).toMatchObject({
      verifyStatus: "VERIFIED",
      status: "COMPLETED",
      verificationMethod: "PUSH",
    });
    expect((await verify("start")).body).toMatchObject({ verifyStatus: "PENDING" });
  });

  it("the caller denies the push: DENIED by PUSH", async () => {
    await verify("start");
    await phone("deny");
    expect((await verify("status")).body).toMatchObject({ verifyStatus: "DENIED", verificationMethod: "PUSH" });
  });

  it("the caller reads the code aloud: the right one VERIFIED by CODE", async () => {
    await verify("start");
    const code = await codeOnPhone();
    expect(code).toMatch(/^\d{8}$/);
    expect((await verify("code", { verifyCode: code })).body).toMatchObject({
      verifyStatus: "VERIFIED",
      status: "COMPLETED",
      verificationMethod: "CODE",
    });
  });

  it("a wrong code: DENIED by CODE, the session is over (409 for another try)", async () => {
    await verify("start");
    const code = await codeOnPhone();
    const wrong = code === "00000000" ? "11111111" : "00000000";
    expect((await verify("code", { verifyCode: wrong })).body).toMatchObject({
      verifyStatus: "DENIED",
      verificationMethod: "CODE",
    });
    expectBusinessError(await verify("code", { verifyCode: code }), 409, "CONFLICT");
  });

  it("each session has its own code", async () => {
    await verify("start");
    const first = await codeOnPhone();
    await verify("cancel");
    await verify("start");
    const second = await codeOnPhone();
    await verify("cancel");
    await verify("start");
    expect(new Set([first, second, await codeOnPhone()]).size).toBe(3);
  });

  it("cancel: CANCELLED; nothing pending afterwards (409 for code, cancel and the phone)", async () => {
    await verify("start");
    expect((await verify("cancel")).body).toMatchObject({
      verifyStatus: "CANCELLED",
      status: "COMPLETED",
      verificationMethod: null,
    });
    expectBusinessError(await verify("cancel"), 409, "CONFLICT");
    expectBusinessError(await verify("code", { verifyCode: "12345678" }), 409, "CONFLICT");
    expect((await phone("approve")).status).toBe(409);
    expect((await control(sim, "GET", `/users/${jane.id}/verify/code`)).status).toBe(409);
  });

  it("400s a malformed code body", async () => {
    await verify("start");
    for (const body of [{}, { verifyCode: 12345678 }, { verifyCode: "" }, { verifyCode: "12ab" }, ["1234"]])
      expectBusinessError(await verify("code", body), 400, "BAD_REQUEST");
    expectBusinessError(await verify("code", undefined, jane.id, "{verifyCode"), 400, "BAD_REQUEST");
    expect((await verify("status")).body).toMatchObject({ verifyStatus: "PENDING" });
  });

  it("404s an unknown user on every call, and status when there never was a verification", async () => {
    for (const [, action, body] of VERIFY_CALLS) {
      expectBusinessError(await verify(action, body, UNKNOWN_USER), 404, "NOT_FOUND");
      expectBusinessError(await verify(action, body, "not-a-user"), 404, "NOT_FOUND");
    }
    expectBusinessError(await verify("status"), 404, "NOT_FOUND");
  });
});

describe("only OAuth tokens, only with the licence", () => {
  it("a legacy-key JWT gets the framework 403 on every verify call", async () => {
    for (const [method, action, body] of VERIFY_CALLS) {
      const answer = await call(sim, method, path(jane.id, action), body);
      expectForbidden(answer, path(jane.id, action), "Access is denied");
    }
  });

  it("without the licence every verify call is a business 404, whatever the request", async () => {
    const token = await bearer(sim, "OAuth RSA client");
    sim.setVerifyLicensed(false);
    for (const [method, action, body] of VERIFY_CALLS) {
      for (const userId of [jane.id, UNKNOWN_USER])
        expectBusinessError(await call(sim, method, path(userId, action), body, { token }), 404, "NOT_FOUND");
    }
    expectBusinessError(
      await call(sim, "POST", path(jane.id, "code"), undefined, { token, rawBody: "not json" }),
      404,
      "NOT_FOUND",
    );
    // The legacy key is still refused first (the security layer is in front).
    expect((await call(sim, "POST", path(jane.id, "start"))).status).toBe(403);
    sim.reset(); // back to the licence given at start
    expect((await call(sim, "POST", path(jane.id, "start"), undefined, { token })).status).toBe(200);
  });

  it("the licence is a start option and a control setting", async () => {
    const unlicensed = await startSimulator({ port: 0, keyDir: await newKeyDir(), verifyLicensed: false });
    try {
      const token = await bearer(unlicensed, "OAuth RSA client");
      const start = () => call(unlicensed, "POST", path(jane.id, "start"), undefined, { token });
      expect((await start()).status).toBe(404);
      expect((await control(unlicensed, "GET", "/settings")).body).toEqual({ verifyLicensed: false });
      expect((await control(unlicensed, "POST", "/settings", { verifyLicensed: true })).body).toEqual({
        verifyLicensed: true,
      });
      expect((await start()).status).toBe(200);
      expect((await control(unlicensed, "POST", "/settings", { verifyLicensed: "yes" })).status).toBe(400);
      unlicensed.reset();
      expect((await start()).status).toBe(404);
    } finally {
      await unlicensed.close();
    }
  });
});

describe("expiry", () => {
  it("a pending verification expires at sessionExpiration; a new one may start", async () => {
    let clock = Date.now();
    const timed = await startSimulator({ port: 0, keyDir: await newKeyDir(), now: () => clock });
    try {
      const token = await bearer(timed, "OAuth RSA client");
      const ask = (action: string, body?: unknown) =>
        call(timed, action === "status" ? "GET" : "POST", path(jane.id, action), body, { token });
      const started = (await ask("start")).body as { sessionExpiration: string };
      clock = Date.parse(started.sessionExpiration) - 1;
      expect((await ask("status")).body).toMatchObject({ verifyStatus: "PENDING" });
      clock += 1;
      expect((await ask("status")).body).toMatchObject({
        verifyStatus: "EXPIRED",
        status: "COMPLETED",
        verificationMethod: null,
      });
      expectBusinessError(await ask("code", { verifyCode: "12345678" }), 409, "CONFLICT");
      expect((await control(timed, "POST", `/users/${jane.id}/verify/approve`)).status).toBe(409);
      expect((await ask("start")).body).toMatchObject({ verifyStatus: "PENDING" });
    } finally {
      await timed.close();
    }
  });
});
