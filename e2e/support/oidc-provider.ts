import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, decodeJwt, decodeProtectedHeader, type JWK } from "jose";
import Provider, { type Configuration } from "oidc-provider";
import { freePort } from "../../lib/test-support/free-port";

/**
 * A real OpenID Connect provider for the end-to-end tests: the oidc-provider
 * package (OpenID Certified) on a loopback port, with the test's own users
 * and groups, its development login form (any password; the login names the
 * user), consent granted by itself, PKCE required. Tests can change a user's
 * groups between sign-ins, and can have the token endpoint hand out an ID
 * token that is expired (correctly signed) or forged (signed with another key).
 */

export interface TestUser {
  email: string;
  name: string;
  /** An array, or one string as some providers send it ("helpdesk-leads, staff"). */
  groups: string[] | string;
  emailVerified?: boolean;
}

export type TokenTamper = "none" | "expired" | "forged";

export interface TestIdp {
  issuer: string;
  /** Replaces a user's groups from the next sign-in on. */
  setGroups(login: string, groups: string[] | string): void;
  /** What the token endpoint does to the ID token from now on. */
  tamper(mode: TokenTamper): void;
  close(): Promise<void>;
}

export async function startTestIdp(options: {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  users: Record<string, TestUser>;
}): Promise<TestIdp> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const users = new Map(Object.entries(options.users).map(([login, user]) => [login, { ...user }]));
  const signing = await generateKeyPair("RS256", { extractable: true });
  const kid = "test-idp-key";
  const privateJwk: JWK = { ...(await exportJWK(signing.privateKey)), kid, alg: "RS256", use: "sig" };
  const attacker = await generateKeyPair("RS256");
  let mode: TokenTamper = "none";

  const configuration: Configuration = {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [privateJwk] },
    cookies: { keys: ["tokendesk-e2e-idp-cookie-key"] },
    scopes: ["openid", "email", "profile", "groups"],
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name"],
      groups: ["groups"],
    },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const user = users.get(id);
      if (!user) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email: user.email,
            email_verified: user.emailVerified ?? true,
            name: user.name,
            groups: user.groups,
          };
        },
      };
    },
    // Consent is not what these tests are about: every scope asked for is granted.
    async loadExistingGrant(ctx) {
      const existing = ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope("openid email profile groups");
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);

  async function tampered(idToken: string): Promise<string> {
    const claims = decodeJwt(idToken);
    const header = decodeProtectedHeader(idToken);
    const now = Math.floor(Date.now() / 1000);
    if (mode === "expired") {
      return new SignJWT({ ...claims, iat: now - 7200, exp: now - 3600 })
        .setProtectedHeader({ alg: "RS256", kid: header.kid ?? kid })
        .sign(signing.privateKey);
    }
    // Forged: someone without the provider's key makes themselves an administrator.
    return new SignJWT({ ...claims, groups: ["it-admins"] })
      .setProtectedHeader({ alg: "RS256", kid: header.kid ?? kid })
      .sign(attacker.privateKey);
  }

  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (mode !== "none" && ctx.path === "/token" && body && typeof body.id_token === "string")
      ctx.body = { ...body, id_token: await tampered(body.id_token) };
  });

  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    issuer,
    setGroups(login, groups) {
      const user = users.get(login);
      if (!user) throw new Error(`no test user ${login}`);
      user.groups = groups;
    },
    tamper(next) {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A server that claims to be an OpenID provider but serves another issuer's
 * discovery document unchanged: its `issuer` names the real provider, not
 * the URL tokendesk was configured with.
 */
export async function startImpostorIssuer(realIssuer: string): Promise<{ issuer: string; close(): Promise<void> }> {
  const server = createServer(async (request, response) => {
    if (request.url !== "/.well-known/openid-configuration") {
      response.writeHead(404).end();
      return;
    }
    const real = await fetch(`${realIssuer}/.well-known/openid-configuration`);
    response.writeHead(200, { "content-type": "application/json" }).end(await real.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    issuer: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
