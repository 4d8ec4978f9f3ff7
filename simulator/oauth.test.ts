import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCOPES, SEED_EXAMPLES, startSimulator, type RunningSimulator } from "./index";
import {
  call,
  clientAssertion,
  expectForbidden,
  newKeyDir,
  oauthAccessToken,
  requestToken,
  tokenForm,
} from "./test-support";

/** The OAuth token endpoint (private_key_jwt client credentials) and scope enforcement on the admin API. */

let sim: RunningSimulator;
let keyDir: string;
beforeAll(async () => {
  keyDir = await newKeyDir();
  sim = await startSimulator({ port: 0, keyDir });
});
afterAll(() => sim.close());

const nowSeconds = () => Math.floor(Date.now() / 1000);
const LOOKUP = "/v1/sidTokens/lookup";
const lookup = (token: string) =>
  call(sim, "POST", LOOKUP, { tokenSerialNumber: SEED_EXAMPLES.unassignedEnabled }, { token });

describe("POST {issuer}/token", () => {
  it("issues a bearer token to the RSA client, with every allowed scope by default", async () => {
    expect(sim.oauth.issuer).toBe(`${sim.url}/oauth`);
    const result = await requestToken(sim, tokenForm(sim, await clientAssertion(sim)));
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      access_token: expect.any(String),
      token_type: "Bearer",
      expires_in: 3600,
      scope: sim.oauth.scopes.join(" "),
    });
    expect(sim.oauth.scopes.sort()).toEqual(Object.values(SCOPES).sort());
    expect((await lookup(result.body.access_token as string)).status).toBe(200);
  });

  it("issues a token to the EC (ES256) client", async () => {
    const result = await requestToken(sim, tokenForm(sim, await clientAssertion(sim, { ec: true }), {}, true));
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect((await lookup(result.body.access_token as string)).status).toBe(200);
  });

  it("grants only the scopes asked for", async () => {
    const result = await requestToken(
      sim,
      tokenForm(sim, await clientAssertion(sim), { scope: `${SCOPES.sidRead} ${SCOPES.userRead}` }),
    );
    expect(result.status).toBe(200);
    expect(result.body.scope).toBe(`${SCOPES.sidRead} ${SCOPES.userRead}`);
  });

  it("refuses an assertion whose aud is not the exact token endpoint", async () => {
    for (const aud of [sim.oauth.issuer, `${sim.oauth.issuer}/token/`, sim.adminRestApiUrl]) {
      const result = await requestToken(sim, tokenForm(sim, await clientAssertion(sim, { aud })));
      expect(result.status, aud).toBe(401);
      expect(result.body).toEqual({ error: "invalid_client", error_description: expect.stringMatching(/aud/) });
    }
  });

  it("refuses a replayed jti with invalid_grant", async () => {
    const jti = randomUUID();
    expect((await requestToken(sim, tokenForm(sim, await clientAssertion(sim, { jti })))).status).toBe(200);
    const replay = await requestToken(sim, tokenForm(sim, await clientAssertion(sim, { jti })));
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe("invalid_grant");
  });

  it("refuses an unknown client, a wrong kid, the other client's key, and iss/sub that are not the client id", async () => {
    const unknown = await requestToken(sim, {
      ...tokenForm(sim, await clientAssertion(sim)),
      client_id: "someone-else",
    });
    expect(unknown).toMatchObject({ status: 401, body: { error: "invalid_client" } });

    const wrongKid = await requestToken(sim, tokenForm(sim, await clientAssertion(sim, { kid: "not-the-kid" })));
    expect(wrongKid).toMatchObject({
      status: 401,
      body: { error: "invalid_client", error_description: expect.stringMatching(/kid/) },
    });

    // Signed with the EC key (ES256) but presented as the RSA client.
    const crossed = await requestToken(
      sim,
      tokenForm(sim, await clientAssertion(sim, { ec: true, clientId: sim.oauth.clientId })),
    );
    expect(crossed).toMatchObject({ status: 401, body: { error: "invalid_client" } });

    const wrongIss = await requestToken(
      sim,
      tokenForm(sim, await clientAssertion(sim, { clientId: sim.oauthEc.clientId })),
    );
    expect(wrongIss).toMatchObject({
      status: 401,
      body: { error: "invalid_client", error_description: expect.stringMatching(/iss/) },
    });
  });

  it("refuses an assertion living longer than 300 s, expired, or issued in the future", async () => {
    const now = nowSeconds();
    for (const [iat, exp] of [
      [now, now + 301],
      [now - 600, now - 120],
      [now + 180, now + 300],
    ] as const) {
      const result = await requestToken(sim, tokenForm(sim, await clientAssertion(sim, { iat, exp })));
      expect(result, `${iat - now}..${exp - now}`).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    }
  });

  it("refuses other grant types, a missing assertion type or assertion, and unknown scopes", async () => {
    const assertion = await clientAssertion(sim);
    expect(await requestToken(sim, tokenForm(sim, assertion, { grant_type: "password" }))).toEqual({
      status: 400,
      body: { error: "unsupported_grant_type" },
    });
    const without = (field: string) =>
      Object.fromEntries(Object.entries(tokenForm(sim, assertion)).filter(([name]) => name !== field));
    expect(await requestToken(sim, without("client_assertion_type"))).toMatchObject({
      status: 401,
      body: { error: "invalid_client" },
    });
    expect(await requestToken(sim, without("client_assertion"))).toMatchObject({
      status: 401,
      body: { error: "invalid_client" },
    });
    const badScope = await requestToken(
      sim,
      tokenForm(sim, await clientAssertion(sim), { scope: `${SCOPES.sidRead} rsa.everything` }),
    );
    expect(badScope).toEqual({ status: 400, body: { error: "invalid_scope" } });
  });

  it("refuses a JSON body: the endpoint is form-encoded", async () => {
    const response = await fetch(`${sim.oauth.issuer}/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(tokenForm(sim, await clientAssertion(sim))),
    });
    expect(response.status).toBe(400);
  });
});

describe("using an issued token", () => {
  it("records the client id as who changed the token", async () => {
    const token = await oauthAccessToken(sim);
    const serial = SEED_EXAMPLES.assignedEnabledSpares[0];
    const answer = await call(
      sim,
      "PATCH",
      `/v1/users/${SEED_EXAMPLES.userIds.assignedEnabledSpares[0]}/sidTokens/disable`,
      { tokenSerialNumber: serial },
      { token },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ tokenStatus: "Disabled", tokenStatusChangedBy: sim.oauth.clientId });
    sim.reset();
  });

  it("is refused when unknown, and survives a reset of the tenant", async () => {
    expectForbidden(await lookup("made-up-opaque-token"), LOOKUP);
    const token = await oauthAccessToken(sim);
    sim.reset();
    expect((await lookup(token)).status).toBe(200);
  });

  it("expires after expires_in seconds", async () => {
    let clock = Date.now();
    const timed = await startSimulator({ port: 0, keyDir, now: () => clock });
    try {
      const token = await oauthAccessToken(timed);
      const ask = () => call(timed, "POST", LOOKUP, { tokenSerialNumber: SEED_EXAMPLES.unassignedEnabled }, { token });
      clock += 3590_000;
      expect((await ask()).status).toBe(200);
      clock += 20_000;
      expect((await ask()).status).toBe(403);
    } finally {
      await timed.close();
    }
  });
});

describe("scopes", () => {
  const user = SEED_EXAMPLES.userIds.assignedEnabledActivated;
  const sidChange = `/v1/users/${user}/sidTokens/disable`;
  const dsLookup = "/v1/ds100/lookup";
  const dsChange = "/v1/ds100/disable/otp";
  const userLookup = "/v1/users/lookup";
  const devices = `/v2/users/${user}/devices`;
  const unknownUser = "0b8c7f3e-1d2a-4e5f-8a9b-0c1d2e3f4a5b";
  const emergency = `/v2/users/${unknownUser}/emergencyTokencode`;
  const rename = `/v1/users/${user}/sidTokens/updateName`;
  const verify = `/v1/users/${user}/verify/status`;

  async function statuses(scope: string) {
    const token = await oauthAccessToken(sim, scope);
    const results = {
      sidLookup: (await lookup(token)).status,
      sidChange: (await call(sim, "PATCH", sidChange, { tokenSerialNumber: "999999999999" }, { token })).status,
      dsLookup: (await call(sim, "POST", dsLookup, { deviceSerialNumber: SEED_EXAMPLES.ds100Device }, { token }))
        .status,
      dsChange: (await call(sim, "PATCH", dsChange, { deviceSerialNumber: "999999999", userId: user }, { token }))
        .status,
      userLookup: (await call(sim, "POST", userLookup, { email: "nobody@example.com" }, { token })).status,
      devices: (await call(sim, "GET", devices, undefined, { token })).status,
      search: (await call(sim, "POST", "/v2/users/search", { emailLike: "nobody-at-all" }, { token })).status,
      emergency: (
        await call(sim, "PUT", emergency, { oneTimeUse: true, expiryUnit: "hours", expiryValue: 1 }, { token })
      ).status,
      rename: (await call(sim, "PATCH", rename, { tokenSerialNumber: "999999999999", updatedName: "x" }, { token }))
        .status,
      verify: (await call(sim, "GET", verify, undefined, { token })).status,
    };
    return results;
  }

  // 404s below are the business answer (unknown serial/email/user, no verification): the scope let the call through.
  const none = {
    sidLookup: 403,
    sidChange: 403,
    dsLookup: 403,
    dsChange: 403,
    userLookup: 403,
    devices: 403,
    search: 403,
    emergency: 403,
    rename: 403,
    verify: 403,
  };
  it.each([
    [SCOPES.sidRead, { sidLookup: 200, devices: 200 }],
    [SCOPES.sidManage, { sidLookup: 200, sidChange: 404, rename: 404 }],
    [SCOPES.ds100Read, { dsLookup: 200 }],
    [SCOPES.ds100Manage, { dsLookup: 200, dsChange: 404 }],
    [SCOPES.userRead, { userLookup: 404, devices: 200, search: 200, verify: 404 }],
    [SCOPES.mobileRead, { devices: 200 }],
    [SCOPES.emergencyManage, { emergency: 404 }],
  ])("%s allows exactly its calls (manage implies read)", async (scope, allowed) => {
    expect(await statuses(scope)).toEqual({ ...none, ...allowed });
  });

  it("answers a missing scope with the framework 403 and its own message", async () => {
    const token = await oauthAccessToken(sim, SCOPES.sidRead);
    const answer = await call(
      sim,
      "PATCH",
      sidChange,
      { tokenSerialNumber: SEED_EXAMPLES.assignedEnabledActivated },
      { token },
    );
    expectForbidden(answer, sidChange, "Insufficient scope for this request");
    expect(sim.model.sidToken(SEED_EXAMPLES.assignedEnabledActivated)?.tokenStatus).toBe("Enabled");
  });
});
