import { generateKeyPairSync, createPublicKey, createPrivateKey } from "node:crypto";
import { readFile } from "node:fs/promises";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEGACY_URL_FORMS, SEED_EXAMPLES, startSimulator, type RunningSimulator } from "./index";
import { call, expectForbidden, legacyJwt, newKeyDir, readLegacyKey, unsignedJwt } from "./test-support";

/** The legacy Administration API JWT rules (REFERENCE.md): every failure is the same framework 403. */

const LOOKUP = "/v1/sidTokens/lookup";
const body = { tokenSerialNumber: SEED_EXAMPLES.unassignedEnabled };

let sim: RunningSimulator;
let keyDir: string;
beforeAll(async () => {
  keyDir = await newKeyDir();
  sim = await startSimulator({ port: 0, keyDir });
});
afterAll(() => sim.close());

const nowSeconds = () => Math.floor(Date.now() / 1000);
const lookupWith = (token: string | null) => call(sim, "POST", LOOKUP, body, { token });

describe("a well-formed legacy JWT", () => {
  it("is accepted, with aud as a string or a one-element array", async () => {
    expect((await lookupWith(await legacyJwt(sim))).status).toBe(200);
    expect((await lookupWith(await legacyJwt(sim, { aud: [sim.adminRestApiUrl] }))).status).toBe(200);
  });

  it("may live exactly one hour, and the clock may be off by up to 60 s either way", async () => {
    const now = nowSeconds();
    expect((await lookupWith(await legacyJwt(sim, { iat: now, exp: now + 3600 }))).status).toBe(200);
    expect((await lookupWith(await legacyJwt(sim, { iat: now + 45, exp: now + 600 }))).status).toBe(200);
    expect((await lookupWith(await legacyJwt(sim, { iat: now - 1000, exp: now - 30 }))).status).toBe(200);
  });
});

describe("refused with the framework-shaped 403", () => {
  it("without a bearer token, or with something that is not one", async () => {
    expectForbidden(await lookupWith(null), LOOKUP);
    expectForbidden(await call(sim, "POST", LOOKUP, body, { token: "not-a-jwt" }), LOOKUP);
    const jwt = await legacyJwt(sim);
    const basic = await fetch(`${sim.url}/AdminInterface/restapi${LOOKUP}`, {
      method: "POST",
      headers: { Authorization: `Basic ${jwt}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(basic.status).toBe(403);
  });

  it("when the header alg is anything but RS256 (none, HS256 with the public key, RS512)", async () => {
    expectForbidden(await lookupWith(unsignedJwt(sim)), LOOKUP);

    const key = await readLegacyKey(sim);
    const publicPem = createPublicKey(createPrivateKey(key.accessKey))
      .export({ type: "spki", format: "pem" })
      .toString();
    const claims = { sub: key.accessID, aud: key.adminRestApiUrl, iat: nowSeconds(), exp: nowSeconds() + 600 };
    // The classic algorithm-confusion attack: HMAC keyed with the RSA public key.
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .sign(new TextEncoder().encode(publicPem));
    expectForbidden(await lookupWith(hs256), LOOKUP);

    const rs512 = await new SignJWT(claims)
      .setProtectedHeader({ alg: "RS512", typ: "JWT" })
      .sign(createPrivateKey(key.accessKey));
    expectForbidden(await lookupWith(rs512), LOOKUP);
  });

  it("when aud is not the key file's adminRestApiUrl byte for byte", async () => {
    const url = sim.adminRestApiUrl;
    expect(url.endsWith("/v1")).toBe(true);
    for (const aud of [
      url.replace(/\/v1$/, ""),
      `${url}/`,
      `${url.replace(/\/v1$/, "")}/v1/v1`,
      url.toUpperCase(),
      "https://other.access.securid.com/AdminInterface/restapi/v1",
    ]) {
      expectForbidden(await lookupWith(await legacyJwt(sim, { aud })), LOOKUP);
    }
    expectForbidden(await lookupWith(await legacyJwt(sim, { aud: [url, "https://other.example"] })), LOOKUP);
  });

  it("when sub is not the key's accessID", async () => {
    expectForbidden(await lookupWith(await legacyJwt(sim, { sub: "00000000-0000-4000-8000-000000000000" })), LOOKUP);
  });

  it("when it lives longer than one hour", async () => {
    const now = nowSeconds();
    expectForbidden(await lookupWith(await legacyJwt(sim, { iat: now, exp: now + 3601 })), LOOKUP);
  });

  it("when iat is in the future beyond the 60 s skew", async () => {
    const now = nowSeconds();
    expectForbidden(await lookupWith(await legacyJwt(sim, { iat: now + 120, exp: now + 600 })), LOOKUP);
  });

  it("when expired beyond the 60 s skew", async () => {
    const now = nowSeconds();
    expectForbidden(await lookupWith(await legacyJwt(sim, { iat: now - 1800, exp: now - 90 })), LOOKUP);
  });

  it("when iat or exp is missing or not a number", async () => {
    const key = await readLegacyKey(sim);
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims).setProtectedHeader({ alg: "RS256", typ: "JWT" }).sign(createPrivateKey(key.accessKey));
    const base = { sub: key.accessID, aud: key.adminRestApiUrl };
    expectForbidden(await lookupWith(await sign({ ...base, exp: nowSeconds() + 600 })), LOOKUP);
    expectForbidden(
      await lookupWith(await sign({ ...base, iat: String(nowSeconds()), exp: nowSeconds() + 600 })),
      LOOKUP,
    );
  });

  it("when signed by another key, or when the payload was tampered with", async () => {
    const key = await readLegacyKey(sim);
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", typ: "JWT" })
      .setSubject(key.accessID)
      .setAudience(key.adminRestApiUrl)
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(privateKey);
    expectForbidden(await lookupWith(forged), LOOKUP);

    const [header, , signature] = (await legacyJwt(sim)).split(".");
    const otherPayload = Buffer.from(
      JSON.stringify({ sub: key.accessID, aud: key.adminRestApiUrl, iat: nowSeconds(), exp: nowSeconds() + 3000 }),
    ).toString("base64url");
    expectForbidden(await lookupWith(`${header}.${otherPayload}.${signature}`), LOOKUP);
  });

  it("on every call, including the PATCH and GET ones, before anything else is looked at", async () => {
    const token = unsignedJwt(sim);
    const user = SEED_EXAMPLES.userIds.assignedEnabledActivated;
    const path = `/v1/users/${user}/sidTokens/disable`;
    expectForbidden(
      await call(sim, "PATCH", path, { tokenSerialNumber: SEED_EXAMPLES.assignedEnabledActivated }, { token }),
      path,
    );
    expectForbidden(
      await call(sim, "GET", `/v2/users/${user}/devices`, undefined, { token }),
      `/v2/users/${user}/devices`,
    );
    expectForbidden(await call(sim, "POST", "/v1/no/such/call", {}, { token }), "/v1/no/such/call");
    expect(sim.model.sidToken(SEED_EXAMPLES.assignedEnabledActivated)?.tokenStatus).toBe("Enabled");
  });
});

describe("adminRestApiUrl forms: a key file per form, aud byte for byte its own", () => {
  it("offers the /v1, bare and trailing-slash forms, each with its own accessID", async () => {
    const base = `${sim.url}/AdminInterface/restapi`;
    expect(sim.legacyKeyFiles.v1).toBe(sim.legacyKeyFile);
    expect(sim.legacyKeys.v1).toEqual({
      file: sim.legacyKeyFile,
      accessId: sim.legacyAccessId,
      adminRestApiUrl: sim.adminRestApiUrl,
    });
    expect(Object.fromEntries(LEGACY_URL_FORMS.map((f) => [f, sim.legacyKeys[f].adminRestApiUrl]))).toEqual({
      v1: `${base}/v1`,
      bare: base,
      trailingSlash: `${base}/v1/`,
      bareTrailingSlash: `${base}/`,
    });
    const ids = LEGACY_URL_FORMS.map((f) => sim.legacyKeys[f].accessId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const form of LEGACY_URL_FORMS) {
      const file = JSON.parse(await readFile(sim.legacyKeyFiles[form], "utf8")) as Record<string, unknown>;
      expect(file).toMatchObject({
        accessID: sim.legacyKeys[form].accessId,
        adminRestApiUrl: sim.legacyKeys[form].adminRestApiUrl,
        accessKey: expect.stringMatching(/^-----BEGIN RSA PRIVATE KEY-----/),
      });
    }
  });

  it.each(LEGACY_URL_FORMS)("accepts a JWT made from the %s key file as it is", async (form) => {
    expect((await lookupWith(await legacyJwt(sim, { form }))).status).toBe(200);
  });

  it.each(LEGACY_URL_FORMS)(
    "refuses the %s key with any other form's URL as aud (an edited key file)",
    async (form) => {
      for (const other of LEGACY_URL_FORMS.filter((f) => f !== form)) {
        const aud = sim.legacyKeys[other].adminRestApiUrl;
        expectForbidden(await lookupWith(await legacyJwt(sim, { form, aud })), LOOKUP);
      }
    },
  );

  it("records changes as made by the key that signed", async () => {
    const user = SEED_EXAMPLES.userIds.assignedEnabledActivated;
    const token = await legacyJwt(sim, { form: "bare" });
    const answer = await call(
      sim,
      "PATCH",
      `/v1/users/${user}/sidTokens/disable`,
      { tokenSerialNumber: SEED_EXAMPLES.assignedEnabledActivated },
      { token },
    );
    expect(answer.body).toMatchObject({ tokenStatusChangedBy: sim.legacyKeys.bare.accessId });
    sim.reset();
  });
});

describe("the header typ", () => {
  it("may be JWT or absent", async () => {
    expect((await lookupWith(await legacyJwt(sim, { typ: "JWT" }))).status).toBe(200);
    expect((await lookupWith(await legacyJwt(sim, { typ: null }))).status).toBe(200);
  });

  it("anything else is refused with the framework 403", async () => {
    for (const typ of ["jwt", "JWS", "at+jwt", "JOSE", ""])
      expectForbidden(await lookupWith(await legacyJwt(sim, { typ })), LOOKUP);
  });
});

describe("unknown calls", () => {
  it("answer 404 in the framework shape once authenticated", async () => {
    for (const [method, path] of [
      ["POST", "/v1/no/such/call"],
      ["GET", "/v1/sidTokens/lookup"],
      ["PATCH", `/v1/users/${SEED_EXAMPLES.userIds.assignedDisabled}/sidTokens/clearPin`], // clearPin is v2 only
    ] as const) {
      const answer = await call(sim, method, path, { tokenSerialNumber: SEED_EXAMPLES.assignedDisabled });
      expect(answer.status, `${method} ${path}`).toBe(404);
      // Spring's own body for an unknown path: no message.
      expect(answer.body).toEqual({
        timestamp: expect.any(Number),
        status: 404,
        error: "Not Found",
        path: `/AdminInterface/restapi${path}`,
      });
    }
  });
});

describe("the now option is the simulator's clock", () => {
  it("judges iat and exp by it, not by the machine's clock", async () => {
    const twoHours = 2 * 3600 * 1000;
    const later = await startSimulator({ port: 0, keyDir, now: () => Date.now() + twoHours });
    try {
      const lookup = async (token: string) => call(later, "POST", LOOKUP, body, { token });
      expect((await lookup(await legacyJwt(later))).status).toBe(403);
      expect((await lookup(await legacyJwt(later, { nowSeconds: nowSeconds() + 7200 }))).status).toBe(200);
    } finally {
      await later.close();
    }
  });
});
