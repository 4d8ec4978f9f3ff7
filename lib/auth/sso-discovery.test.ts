import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { discoverProvider, forgetDiscoveries, readDiscoveryDocument } from "@/lib/auth/sso-discovery";
import { SsoFailure } from "@/lib/auth/sso-failures";
import { SSO_ERRORS } from "@/lib/auth/sign-in-errors";
import { closedPort } from "@/lib/test-support/closed-port";

const ISSUER = "https://login.example.com/realms/it";
const DOCUMENT = {
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}/protocol/openid-connect/auth`,
  token_endpoint: `${ISSUER}/protocol/openid-connect/token`,
  jwks_uri: `${ISSUER}/protocol/openid-connect/certs`,
  userinfo_endpoint: `${ISSUER}/protocol/openid-connect/userinfo`,
};

const failureOf = (run: () => unknown): SsoFailure => {
  try {
    run();
  } catch (error) {
    if (error instanceof SsoFailure) return error;
    throw error;
  }
  throw new Error("expected an SsoFailure");
};

describe("a discovery document", () => {
  it("gives the endpoints, client_secret_basic and RS256 by default", () => {
    expect(readDiscoveryDocument(ISSUER, DOCUMENT)).toEqual({
      issuer: ISSUER,
      authorizationEndpoint: DOCUMENT.authorization_endpoint,
      tokenEndpoint: DOCUMENT.token_endpoint,
      jwksUri: DOCUMENT.jwks_uri,
      userinfoEndpoint: DOCUMENT.userinfo_endpoint,
      tokenEndpointAuthMethod: "client_secret_basic",
      idTokenAlg: "RS256",
      scopesSupported: [],
    });
  });

  it("is refused when it names another issuer, but not for a trailing slash", () => {
    const failure = failureOf(() => readDiscoveryDocument(ISSUER, { ...DOCUMENT, issuer: "https://evil.example.com" }));
    expect(failure.code).toBe(SSO_ERRORS.issuerMismatch);
    expect(failure.detail).toContain("https://evil.example.com");
    expect(readDiscoveryDocument(`${ISSUER}/`, DOCUMENT).issuer).toBe(ISSUER);
  });

  it("is refused when an endpoint is not https (unless the issuer is on this machine)", () => {
    const plain = { ...DOCUMENT, token_endpoint: "http://login.example.com/token" };
    expect(failureOf(() => readDiscoveryDocument(ISSUER, plain)).detail).toMatch(/token_endpoint .* not an https URL/);
    const local = "http://127.0.0.1:9000";
    const loopback = { ...DOCUMENT, issuer: local, token_endpoint: `${local}/token`, jwks_uri: `${local}/jwks` };
    expect(readDiscoveryDocument(local, loopback).tokenEndpoint).toBe(`${local}/token`);
  });

  it("is refused without the endpoints tokendesk needs", () => {
    expect(failureOf(() => readDiscoveryDocument(ISSUER, { issuer: ISSUER })).code).toBe(SSO_ERRORS.unreachable);
  });

  it("chooses client_secret_post only when basic is not offered, and an offered signature algorithm", () => {
    const read = readDiscoveryDocument(ISSUER, {
      ...DOCUMENT,
      token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt"],
      id_token_signing_alg_values_supported: ["ES256"],
    });
    expect(read).toMatchObject({ tokenEndpointAuthMethod: "client_secret_post", idTokenAlg: "ES256" });
  });
});

describe("discovering a provider", () => {
  let server: Server | null = null;
  afterEach(async () => {
    forgetDiscoveries();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = null;
  });

  async function serve(answer: (issuer: string) => { status: number; body: unknown }): Promise<string> {
    let issuer = "";
    server = createServer((request, response) => {
      const { status, body } = answer(issuer);
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      void request;
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return issuer;
  }

  it("reads the well-known document and keeps it for a while", async () => {
    let calls = 0;
    const issuer = await serve((iss) => {
      calls++;
      return {
        status: 200,
        body: { issuer: iss, authorization_endpoint: `${iss}/a`, token_endpoint: `${iss}/t`, jwks_uri: `${iss}/k` },
      };
    });
    expect((await discoverProvider(issuer)).tokenEndpoint).toBe(`${issuer}/t`);
    await discoverProvider(issuer);
    expect(calls).toBe(1);
  });

  it("says the provider could not be reached when nothing answers, or it answers an error", async () => {
    const port = await closedPort();
    await expect(discoverProvider(`http://127.0.0.1:${port}`)).rejects.toMatchObject({ code: SSO_ERRORS.unreachable });
    const issuer = await serve(() => ({ status: 404, body: { error: "not found" } }));
    await expect(discoverProvider(issuer)).rejects.toMatchObject({
      code: SSO_ERRORS.unreachable,
      detail: expect.stringContaining("HTTP 404"),
    });
  });
});
