import { readFileSync, writeFileSync } from "node:fs";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { BearerCache } from "@/lib/rsa/bearer-cache";
import { LEGACY_JWT_LIFETIME_SECONDS } from "@/lib/rsa/legacy-jwt";
import { rsaFailure, simulatedTenant } from "@/lib/test-support/rsa-client-tenant";
import { SEED_EXAMPLES as S } from "@/simulator/index";

const tenant = simulatedTenant();

/** A fetch that records the bearer of every admin-API request. */
function recordingFetch(bearers: string[], tamper?: (bearer: string, index: number) => string): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    const auth = headers.get("authorization");
    if (auth?.startsWith("Bearer ")) {
      const bearer = auth.slice("Bearer ".length);
      bearers.push(bearer);
      if (tamper) headers.set("authorization", `Bearer ${tamper(bearer, bearers.length - 1)}`);
    }
    return fetch(input, { ...init, headers });
  };
}

describe("the legacy key's bearer JWT", () => {
  it("is RS256 with sub = accessID, aud = adminRestApiUrl verbatim and a lifetime under an hour", async () => {
    const bearers: string[] = [];
    await tenant.legacyClient({}, { fetch: recordingFetch(bearers) }).lookupSidToken(S.unassignedEnabled);
    const header = decodeProtectedHeader(bearers[0]!);
    const claims = decodeJwt(bearers[0]!);
    expect(header).toEqual({ typ: "JWT", alg: "RS256" });
    expect(claims.sub).toBe(tenant.sim().legacyAccessId);
    expect(claims.aud).toBe(tenant.sim().adminRestApiUrl);
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(3600);
    expect(Math.abs(claims.iat! - Date.now() / 1000)).toBeLessThan(5);
  });

  it("is signed once and reused for many calls", async () => {
    const bearers: string[] = [];
    const client = tenant.legacyClient({}, { fetch: recordingFetch(bearers) });
    await Promise.all([
      client.lookupSidToken(S.unassignedEnabled),
      client.lookupDs100(S.ds100Device),
      client.lookupSidToken(S.assignedDisabled),
    ]);
    await client.lookupSidToken(S.expired);
    expect(client.bearersIssued).toBe(1);
    expect(new Set(bearers).size).toBe(1);
    expect(bearers).toHaveLength(4);
  });

  it("is renewed shortly before it expires, with concurrent callers sharing one renewal", async () => {
    let clock = 1_000_000;
    let issued = 0;
    const cache = new BearerCache(
      async () => ({ token: `t${++issued}`, expiresAtMs: clock + LEGACY_JWT_LIFETIME_SECONDS * 1000 }),
      () => clock,
    );
    expect(await Promise.all([cache.get(), cache.get(), cache.get()])).toEqual(["t1", "t1", "t1"]);
    clock += (LEGACY_JWT_LIFETIME_SECONDS - 61) * 1000;
    expect(await cache.get()).toBe("t1");
    clock += 2000; // inside the last minute
    expect(await Promise.all([cache.get(), cache.get()])).toEqual(["t2", "t2"]);
    cache.invalidate("t1"); // stale news: a newer token is already in place
    expect(await cache.get()).toBe("t2");
    cache.invalidate("t2");
    expect(await cache.get()).toBe("t3");
    expect(cache.issued).toBe(3);
  });

  it("is renewed once when RSA says the token is bad, and the call then succeeds", async () => {
    const bearers: string[] = [];
    const client = tenant.legacyClient(
      {},
      { fetch: recordingFetch(bearers, (b, i) => (i === 0 ? `${b.slice(0, -4)}AAAA` : b)) },
    );
    expect((await client.lookupSidToken(S.unassignedEnabled)).tokenSerialNumber).toBe(S.unassignedEnabled);
    expect(client.bearersIssued).toBe(2);
    expect(bearers).toHaveLength(2);
  });

  it("renews only once: a key RSA does not accept ends as credential rejected after two attempts", async () => {
    const bearers: string[] = [];
    const client = tenant.legacyClient({}, { fetch: recordingFetch(bearers, (b) => `${b.slice(0, -4)}AAAA`) });
    expect(await rsaFailure(client.lookupSidToken(S.unassignedEnabled))).toMatchObject({
      kind: "credential_rejected",
      httpStatus: 403,
    });
    expect(bearers).toHaveLength(2);
  });

  it("is refused (credential rejected, not 'forbidden for this agent') when the key file's URL was edited", async () => {
    const keyFile = tenant.sim().legacyKeyFile;
    const original = readFileSync(keyFile, "utf8");
    try {
      const key = JSON.parse(original) as { adminRestApiUrl: string };
      writeFileSync(keyFile, JSON.stringify({ ...key, adminRestApiUrl: key.adminRestApiUrl.replace(/\/v1$/, "") }));
      const error = await rsaFailure(tenant.legacyClient().lookupSidToken(S.unassignedEnabled));
      expect(error).toMatchObject({ kind: "credential_rejected", httpStatus: 403 });
      expect(error.rsaDescription).toMatch(/access token/);
    } finally {
      writeFileSync(keyFile, original);
    }
  });

  it("is refused when this machine's clock is off by more than a minute", async () => {
    const client = tenant.legacyClient({}, { now: () => Date.now() - 2 * 3600_000 });
    expect(await rsaFailure(client.lookupSidToken(S.unassignedEnabled))).toMatchObject({ kind: "credential_rejected" });
  });
});

describe("the OAuth access token", () => {
  it("is fetched once, reused, and fetched again when RSA no longer accepts it", async () => {
    const bearers: string[] = [];
    const client = tenant.oauthClient(
      "rsa",
      {},
      { fetch: recordingFetch(bearers, (b, i) => (i === 2 ? "revoked" : b)) },
    );
    await client.lookupSidToken(S.unassignedEnabled);
    await client.lookupSidToken(S.assignedDisabled);
    expect(client.bearersIssued).toBe(1);
    await client.lookupSidToken(S.expired); // the third request carries a token RSA refuses
    expect(client.bearersIssued).toBe(2);
    expect(bearers[3]).not.toBe(bearers[0]);
  });
});
