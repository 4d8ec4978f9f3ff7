import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { NextAuthOptions } from "next-auth";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { forgetDiscoveries } from "@/lib/auth/sso-discovery";
import { withSingleSignOn } from "@/lib/auth/sso-route";

/**
 * The wrapper around next-auth's endpoint, with next-auth replaced by a stub:
 * what reaches the browser and the audit when single sign-on fails at each step.
 */

let server: Server;
let issuer = "";
let documentIssuer = (iss: string) => iss;
const saved = { ...process.env };

beforeAll(async () => {
  server = createServer((_request, response) => {
    const body = {
      issuer: documentIssuer(issuer),
      authorization_endpoint: `${issuer}/auth`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
    };
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: "tokendesk",
    OIDC_CLIENT_SECRET: "secret",
    OIDC_ROLE_MAP: "helpdesk=agent",
    AUTH_PASSWORDS: "off",
  });
  resetEnvCache();
});

afterAll(async () => {
  for (const name of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_ROLE_MAP", "AUTH_PASSWORDS"])
    if (saved[name] === undefined) delete process.env[name];
  resetEnvCache();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const APP = "http://tokendesk.test";
const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});

async function lastFailure() {
  const row = await db().auditEvent.findFirstOrThrow({ where: { type: "SIGN_IN_FAILED" }, orderBy: { seq: "desc" } });
  return { outcome: row.outcome, email: row.actorEmail, details: row.details as Record<string, unknown> };
}

const neverRun = vi.fn(async (): Promise<Response> => {
  throw new Error("next-auth should not have run");
});

describe("with passwords off", () => {
  it("refuses the password endpoint without checking anything, in the audit with the e-mail tried", async () => {
    const request = new Request(`${APP}/api/auth/callback/credentials`, {
      ...form({ email: "Jo@Example.com", password: "whatever", json: "true" }),
    });
    const response = await withSingleSignOn(request, ["callback", "credentials"], neverRun);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ url: `${APP}/signin?error=PASSWORDS_OFF` });
    expect(await lastFailure()).toMatchObject({ outcome: "PASSWORDS_OFF", email: "jo@example.com" });
  });
});

describe("a single sign-on that fails", () => {
  it("reports the provider's own refusal without next-auth, keeping where the person was going", async () => {
    const request = new Request(`${APP}/api/auth/callback/oidc?error=access_denied&error_description=Cancelled`, {
      headers: { cookie: `next-auth.callback-url=${encodeURIComponent(`${APP}/tokens/000000200002`)}` },
    });
    const response = await withSingleSignOn(request, ["callback", "oidc"], neverRun);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(
      `${APP}/signin?error=SSO_DENIED&callbackUrl=%2Ftokens%2F000000200002`,
    );
    const row = await lastFailure();
    expect(row.outcome).toBe("SSO_DENIED");
    expect(row.details).toMatchObject({ method: "sso", issuer, reason: expect.stringContaining("Cancelled") });
  });

  it("refuses a provider whose discovery document names another issuer, before anything is sent to it", async () => {
    forgetDiscoveries();
    documentIssuer = () => "https://somebody-else.example.com";
    try {
      const request = new Request(`${APP}/api/auth/signin/oidc`, form({ csrfToken: "x", json: "true" }));
      const response = await withSingleSignOn(request, ["signin", "oidc"], neverRun);
      expect(await response.json()).toEqual({ url: `${APP}/signin?error=SSO_ISSUER_MISMATCH` });
      expect((await lastFailure()).details.reason).toContain("https://somebody-else.example.com");
    } finally {
      documentIssuer = (iss) => iss;
      forgetDiscoveries();
    }
  });

  it("turns next-auth's generic OAuthCallback into the root cause, keeping its cookies", async () => {
    const run = async (options: NextAuthOptions) => {
      options.logger!.error!("OAUTH_CALLBACK_ERROR", {
        error: { name: "OAuthCallbackError", message: "State cookie was missing." },
      } as never);
      return new Response(null, {
        status: 302,
        headers: [
          ["location", `${APP}/api/auth/error?error=OAuthCallback`],
          ["set-cookie", "next-auth.state=; Max-Age=0; Path=/"],
          ["set-cookie", "next-auth.nonce=; Max-Age=0; Path=/"],
        ],
      });
    };
    const response = await withSingleSignOn(
      new Request(`${APP}/api/auth/callback/oidc?code=c&state=s`),
      ["callback", "oidc"],
      run,
    );
    expect(response.headers.get("location")).toBe(`${APP}/signin?error=SSO_STATE_INVALID`);
    expect(response.headers.getSetCookie()).toEqual([
      "next-auth.state=; Max-Age=0; Path=/",
      "next-auth.nonce=; Max-Age=0; Path=/",
    ]);
    expect((await lastFailure()).outcome).toBe("SSO_STATE_INVALID");
  });

  it("says the provider could not be reached when its discovery fails", async () => {
    forgetDiscoveries();
    const port = (server.address() as AddressInfo).port;
    process.env.OIDC_ISSUER = "http://127.0.0.1:1";
    resetEnvCache();
    try {
      const request = new Request(`${APP}/api/auth/signin/oidc`, form({ csrfToken: "x", json: "true" }));
      const response = await withSingleSignOn(request, ["signin", "oidc"], neverRun);
      expect(await response.json()).toEqual({ url: `${APP}/signin?error=SSO_UNREACHABLE` });
    } finally {
      process.env.OIDC_ISSUER = `http://127.0.0.1:${port}`;
      resetEnvCache();
    }
  });
});

describe("a single sign-on that works", () => {
  it("passes next-auth's answer through untouched", async () => {
    const done = new Response(null, { status: 302, headers: { location: `${APP}/` } });
    const response = await withSingleSignOn(
      new Request(`${APP}/api/auth/callback/oidc?code=c&state=s`),
      ["callback", "oidc"],
      async () => done,
    );
    expect(response).toBe(done);
  });

  it("is not mistaken for a failure when the page asked for has an error parameter of its own", async () => {
    const done = new Response(null, { status: 302, headers: { location: `${APP}/audit?error=none&outcome=failure` } });
    const request = new Request(`${APP}/api/auth/callback/oidc?code=c&state=s`);
    expect(await withSingleSignOn(request, ["callback", "oidc"], async () => done)).toBe(done);
  });
});
