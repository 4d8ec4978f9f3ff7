import "server-only";
import { z } from "zod";
import { SSO_ERRORS } from "@/lib/auth/sign-in-errors";
import { SsoFailure } from "@/lib/auth/sso-failures";

/**
 * OpenID Connect Discovery 1.0, done by tokendesk itself rather than by
 * next-auth (whose openid-client 5 accepts whatever issuer the document
 * names): the document must come from `${issuer}/.well-known/openid-configuration`,
 * name the configured issuer (§4.3; a trailing slash aside, which operators
 * often add or drop by mistake and which changes nothing about who signs),
 * and point only at https endpoints (plain http only when the issuer itself
 * is on this machine). A good document is kept for a few minutes; a bad one
 * is never kept, so a fix at the provider is seen at the next sign-in.
 */

export interface OidcMetadata {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  userinfoEndpoint: string | null;
  /** How to send the client secret: client_secret_basic unless the provider offers only client_secret_post. */
  tokenEndpointAuthMethod: "client_secret_basic" | "client_secret_post";
  /** The ID token signature algorithm to expect. */
  idTokenAlg: string;
  /** Scopes the provider lists, so a "groups" scope is asked for where there is one (Okta). */
  scopesSupported: string[];
}

const documentSchema = z.object({
  issuer: z.string().min(1),
  authorization_endpoint: z.string().min(1),
  token_endpoint: z.string().min(1),
  jwks_uri: z.string().min(1),
  userinfo_endpoint: z.string().min(1).optional(),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
  id_token_signing_alg_values_supported: z.array(z.string()).optional(),
  scopes_supported: z.array(z.string()).optional(),
});

const CACHE_MS = 10 * 60_000;
const TIMEOUT_MS = 5_000;
const cache = new Map<string, { metadata: OidcMetadata; until: number }>();

const withoutSlash = (url: string) => url.replace(/\/+$/, "");

export function discoveryUrl(issuer: string): string {
  return `${withoutSlash(issuer)}/.well-known/openid-configuration`;
}

function isLoopback(url: URL): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname) || url.hostname.endsWith(".localhost");
}

function endpointProblem(name: string, value: string, allowHttp: boolean): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${name} "${value}" is not a URL`;
  }
  if (url.protocol === "https:" || (url.protocol === "http:" && allowHttp && isLoopback(url))) return null;
  return `${name} "${value}" is not an https URL`;
}

// RS256 is what every provider must support (OpenID Connect Core §15.1); otherwise the first public-key algorithm.
function chooseAlg(supported: string[] | undefined): string {
  if (!supported || supported.includes("RS256")) return "RS256";
  return supported.find((alg) => /^(RS|PS|ES)\d+$|^EdDSA$/.test(alg)) ?? "RS256";
}

/** Reads and checks a discovery document (exported for tests; callers use discoverProvider). */
export function readDiscoveryDocument(configuredIssuer: string, body: unknown): OidcMetadata {
  const parsed = documentSchema.safeParse(body);
  if (!parsed.success)
    throw new SsoFailure(SSO_ERRORS.unreachable, "the discovery document lacks issuer, endpoints or jwks_uri");
  const doc = parsed.data;
  if (withoutSlash(doc.issuer) !== withoutSlash(configuredIssuer))
    throw new SsoFailure(
      SSO_ERRORS.issuerMismatch,
      `the discovery document names issuer "${doc.issuer.slice(0, 200)}", not the configured "${configuredIssuer}"`,
    );
  const allowHttp = isLoopback(new URL(configuredIssuer));
  const problems = [
    endpointProblem("authorization_endpoint", doc.authorization_endpoint, allowHttp),
    endpointProblem("token_endpoint", doc.token_endpoint, allowHttp),
    endpointProblem("jwks_uri", doc.jwks_uri, allowHttp),
    doc.userinfo_endpoint ? endpointProblem("userinfo_endpoint", doc.userinfo_endpoint, allowHttp) : null,
  ].filter((p): p is string => p !== null);
  if (problems.length) throw new SsoFailure(SSO_ERRORS.unreachable, `the discovery document's ${problems.join("; ")}`);
  const methods = doc.token_endpoint_auth_methods_supported;
  return {
    issuer: doc.issuer,
    authorizationEndpoint: doc.authorization_endpoint,
    tokenEndpoint: doc.token_endpoint,
    jwksUri: doc.jwks_uri,
    userinfoEndpoint: doc.userinfo_endpoint ?? null,
    tokenEndpointAuthMethod:
      methods && !methods.includes("client_secret_basic") && methods.includes("client_secret_post")
        ? "client_secret_post"
        : "client_secret_basic",
    idTokenAlg: chooseAlg(doc.id_token_signing_alg_values_supported),
    scopesSupported: doc.scopes_supported ?? [],
  };
}

/** The provider's checked metadata; throws SsoFailure (unreachable, or issuer mismatch). */
export async function discoverProvider(issuer: string, now = Date.now()): Promise<OidcMetadata> {
  const cached = cache.get(issuer);
  if (cached && cached.until > now) return cached.metadata;
  const url = discoveryUrl(issuer);
  let body: unknown;
  try {
    const response = await fetch(url, {
      headers: { accept: "application/json" },
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new SsoFailure(SSO_ERRORS.unreachable, `${url} answered HTTP ${response.status}`);
    body = await response.json();
  } catch (error) {
    if (error instanceof SsoFailure) throw error;
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : "";
    throw new SsoFailure(
      SSO_ERRORS.unreachable,
      `${url} could not be read${reason ? `: ${reason.slice(0, 200)}` : ""}`,
    );
  }
  const metadata = readDiscoveryDocument(issuer, body);
  cache.set(issuer, { metadata, until: now + CACHE_MS });
  return metadata;
}

/** Tests start providers on new ports; nothing else needs to forget. */
export function forgetDiscoveries(): void {
  cache.clear();
}
