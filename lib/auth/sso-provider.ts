import "server-only";
import { decodeJwt } from "jose";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { OidcSettings } from "@/lib/env";
import { claimAt, type Claims } from "@/lib/auth/sso-claims";
import { classifyCallbackError, SsoFailure } from "@/lib/auth/sso-failures";
import { SSO_ERRORS } from "@/lib/auth/sign-in-errors";
import type { SsoAttempt } from "@/lib/auth/sso-attempt";

/** next-auth's id for the provider: the callback URL to register at the provider is `${NEXTAUTH_URL}/api/auth/callback/oidc`. */
export const OIDC_PROVIDER_ID = "oidc";

/**
 * The OpenID Connect provider for next-auth: authorization code flow with
 * PKCE (S256), state and nonce; the ID token verified by openid-client
 * (signature from jwks_uri, iss, aud, exp, iat, nonce) against the metadata
 * tokendesk discovered and checked itself. Without that metadata (any request
 * but sign-in and its callback) the provider has no endpoints and cannot be
 * used — it fails closed rather than discovering on its own.
 */
export function oidcProvider(settings: OidcSettings, attempt: SsoAttempt | null): OAuthConfig<Claims> {
  const metadata = attempt?.metadata ?? null;
  const record = (error: unknown): never => {
    const failure = classifyCallbackError(error);
    attempt?.fail(failure);
    throw failure;
  };
  // Ask for the group claim's own scope where the provider has one (Okta's "groups").
  const scopes = ["openid", "email", "profile"];
  if (metadata?.scopesSupported.includes(settings.roleClaim) && !scopes.includes(settings.roleClaim))
    scopes.push(settings.roleClaim);
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oauth",
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    issuer: metadata?.issuer ?? settings.issuer,
    jwks_endpoint: metadata?.jwksUri,
    authorization: { url: metadata?.authorizationEndpoint, params: { scope: scopes.join(" ") } },
    client: {
      token_endpoint_auth_method: metadata?.tokenEndpointAuthMethod ?? "client_secret_basic",
      id_token_signed_response_alg: metadata?.idTokenAlg ?? "RS256",
    },
    httpOptions: { timeout: 8_000 },
    token: {
      url: metadata?.tokenEndpoint,
      // What next-auth does itself, but keeping openid-client's own error (OPError, RPError) to tell a wrong
      // secret from a forged token; next-auth would flatten both into "OAuthCallback".
      async request({ client, params, checks, provider }) {
        try {
          return { tokens: await client.callback(provider.callbackUrl, params, checks) };
        } catch (error) {
          return record(error);
        }
      },
    },
    userinfo: {
      url: metadata?.userinfoEndpoint ?? undefined,
      // The ID token's claims (already verified), completed from userinfo when they lack the e-mail or the groups:
      // many providers put only the essentials in the ID token when an access token is issued too.
      async request({ client, tokens }) {
        // Already verified by client.callback above; this only reads it.
        if (typeof tokens.id_token !== "string")
          return record(new SsoFailure(SSO_ERRORS.tokenInvalid, "the token response has no ID token"));
        const claims = decodeJwt(tokens.id_token) as Claims;
        const complete = typeof claims.email === "string" && claimAt(claims, settings.roleClaim) !== undefined;
        if (complete || !metadata?.userinfoEndpoint || !tokens.access_token) return claims;
        let info: Claims;
        try {
          info = (await client.userinfo(tokens.access_token)) as Claims;
        } catch (error) {
          return record(error);
        }
        if (info.sub !== claims.sub)
          return record(
            new SsoFailure(SSO_ERRORS.tokenInvalid, "userinfo describes another subject than the ID token"),
          );
        // The ID token's own claims win (iss, sub, and anything it does carry).
        return { ...info, ...claims };
      },
    },
    profile(claims) {
      return {
        id: typeof claims.sub === "string" ? claims.sub : "",
        email: typeof claims.email === "string" ? claims.email : null,
        name: typeof claims.name === "string" ? claims.name : null,
      };
    },
  };
}
