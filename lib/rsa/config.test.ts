import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { loadRsaConfig } from "@/lib/rsa/config";
import { restApiBase } from "@/lib/rsa/base-url";

const dir = mkdtempSync(path.join(tmpdir(), "tokendesk-rsa-config-"));
const rsaPem = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey;
const ecPem = generateKeyPairSync("ec", {
  namedCurve: "P-256",
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey;

function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
}

const legacy = (overrides: Record<string, unknown> = {}) => ({
  customerName: "Acme",
  accessID: "abc",
  accessKey: rsaPem,
  adminRestApiUrl: "https://acme.access.securid.com/AdminInterface/restapi/v1",
  ...overrides,
});
const load = (vars: Record<string, string>) => loadRsaConfig(parseEnv(vars));

describe("RSA configuration", () => {
  it("loads a legacy key file and keeps the audience exactly as given", () => {
    const config = load({ RSA_ADMIN_KEY_FILE: file("good.key", legacy()) });
    expect(config.credential.kind).toBe("legacy-key");
    expect(config.credential.adminRestApiUrl).toBe("https://acme.access.securid.com/AdminInterface/restapi/v1");
    expect(config.apiBase).toBe("https://acme.access.securid.com/AdminInterface/restapi");
    expect(config.timeoutMs).toBe(8000);
    expect(config.totalTimeoutMs).toBe(15000);
  });

  it("derives the same base from every form of the URL the vendor shows", () => {
    for (const url of [
      "https://t.access.securid.com/AdminInterface/restapi",
      "https://t.access.securid.com/AdminInterface/restapi/",
      "https://t.access.securid.com/AdminInterface/restapi/v1",
      "https://t.access.securid.com/AdminInterface/restapi/v1/",
    ]) {
      expect(restApiBase(url)).toBe("https://t.access.securid.com/AdminInterface/restapi");
    }
  });

  it.each([
    ["a missing file", () => path.join(dir, "nope.key"), /RSA_ADMIN_KEY_FILE: cannot read .*does not exist/],
    ["a file that is not JSON", () => file("bad.key", "not json"), /is not valid JSON/],
    ["a key file without accessID", () => file("noid.key", legacy({ accessID: undefined })), /accessID/],
    [
      "an EC key where RSA is required",
      () => file("ec.key", legacy({ accessKey: ecPem })),
      /is a ec key; RSA requires an RSA key/,
    ],
    [
      "a garbled PEM",
      () =>
        file(
          "garbled.key",
          legacy({ accessKey: "-----BEGIN RSA PRIVATE KEY-----\nxyz\n-----END RSA PRIVATE KEY-----" }),
        ),
      /not a readable PEM/,
    ],
    [
      "plain http to a remote host",
      () => file("http.key", legacy({ adminRestApiUrl: "http://acme.example.com/AdminInterface/restapi" })),
      /must be an https:\/\/ URL/,
    ],
  ])("refuses %s with a message naming the problem", (_name, makeFile, message) => {
    expect(() => load({ RSA_ADMIN_KEY_FILE: makeFile() })).toThrow(message);
  });

  it("allows plain http only to a simulator on this machine", () => {
    expect(
      load({
        RSA_ADMIN_KEY_FILE: file(
          "local.key",
          legacy({ adminRestApiUrl: "http://127.0.0.1:4010/AdminInterface/restapi/v1" }),
        ),
      }).apiBase,
    ).toBe("http://127.0.0.1:4010/AdminInterface/restapi");
  });

  it("loads an OAuth client with an RSA or EC JWK and refuses incomplete or public-only ones", () => {
    const rsaJwk = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
    const ecJwk = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "jwk" });
    const base = {
      RSA_OAUTH_ISSUER: "https://acme.auth.securid.com/oauth",
      RSA_OAUTH_CLIENT_ID: "client-1",
      RSA_ADMIN_API_URL: "https://acme.access.securid.com/AdminInterface/restapi",
    };
    const rsa = load({ ...base, RSA_OAUTH_KEY_FILE: file("rsa.jwk", { ...rsaJwk, kid: "k1" }) });
    expect(rsa.credential).toMatchObject({
      kind: "oauth",
      alg: "RS256",
      kid: "k1",
      tokenEndpoint: "https://acme.auth.securid.com/oauth/token",
    });
    expect(load({ ...base, RSA_OAUTH_KEY_FILE: file("ec.jwk", ecJwk) }).credential).toMatchObject({
      alg: "ES256",
      kid: null,
    });
    expect(() => load({ RSA_OAUTH_CLIENT_ID: "client-1" })).toThrow(
      /incomplete: set RSA_OAUTH_ISSUER, RSA_OAUTH_KEY_FILE, RSA_ADMIN_API_URL/,
    );
    const publicOnly = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ format: "jwk" });
    expect(() => load({ ...base, RSA_OAUTH_KEY_FILE: file("pub.jwk", publicOnly) })).toThrow(/public key only/);
    expect(() => load({ ...base, RSA_OAUTH_KEY_FILE: file("oct.jwk", { kty: "oct", k: "abc" }) })).toThrow(
      /key type "oct"/,
    );
  });

  it("says what to set when nothing is configured", () => {
    expect(() => load({})).toThrow(/No RSA credentials are configured/);
  });
});
