import { compactVerify, decodeProtectedHeader } from "jose";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ACCESS_TOKEN_LIFETIME_SECONDS, type AccessTokenStore } from "./access-tokens";
import { audienceMatches, claimsOf, CLOCK_SKEW_SECONDS, isNumericDate } from "./auth";
import type { OAuthClient } from "./keys";
import { mediaType, sendJson } from "./respond";
import { ALL_SCOPES } from "./scopes";

/**
 * The OAuth token endpoint, `POST {issuer}/token`: client_credentials with a
 * private_key_jwt client assertion (RFC 7523), as the vendor's "Admin API"
 * OAuth clients use it (REFERENCE.md). The assertion is checked rule by rule
 * so a client that gets one detail wrong (audience, kid, lifetime, reused jti)
 * fails here exactly as it would against the real issuer.
 */

const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
export const MAX_ASSERTION_LIFETIME_SECONDS = 300;

type OAuthError = { status: number; body: { error: string; error_description?: string } };

const invalidClient = (description: string): OAuthError => ({
  status: 401,
  body: { error: "invalid_client", error_description: description },
});
const invalidRequest = (description: string): OAuthError => ({
  status: 400,
  body: { error: "invalid_request", error_description: description },
});

export class OAuthServer {
  /** jti values already used, per client, kept until the assertion could no longer be valid anyway. */
  private readonly seenJti = new Map<string, number>();

  constructor(
    private readonly clients: readonly OAuthClient[],
    readonly tokenEndpoint: string,
    private readonly tokens: AccessTokenStore,
    private readonly now: () => number,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, bodyText: string): Promise<void> {
    const result =
      req.method === "POST"
        ? await this.token(req, bodyText)
        : { status: 405, body: { error: "invalid_request", error_description: "Use POST" } };
    // Token responses must never be cached (RFC 6749 §5.1).
    sendJson(res, result.status, result.body, { "Cache-Control": "no-store", Pragma: "no-cache" });
  }

  private async token(
    req: IncomingMessage,
    bodyText: string,
  ): Promise<OAuthError | { status: 200; body: Record<string, unknown> }> {
    if (mediaType(req) !== "application/x-www-form-urlencoded")
      return invalidRequest("The body must be application/x-www-form-urlencoded");
    const form = new URLSearchParams(bodyText);
    if (form.get("grant_type") !== "client_credentials")
      return { status: 400, body: { error: "unsupported_grant_type" } };
    if (form.get("client_assertion_type") !== ASSERTION_TYPE)
      return invalidClient(`client_assertion_type must be ${ASSERTION_TYPE}`);
    const assertion = form.get("client_assertion");
    if (!assertion) return invalidClient("client_assertion is missing");
    const clientId = form.get("client_id");
    const client = this.clients.find((c) => c.clientId === clientId);
    if (!client) return invalidClient("Unknown client_id");

    const problem = await this.verifyAssertion(client, assertion);
    if (typeof problem === "string") return invalidClient(problem);
    const jtiKey = `${client.clientId}\u0000${problem.jti}`;
    this.pruneJti();
    if (this.seenJti.has(jtiKey))
      return {
        status: 400,
        body: { error: "invalid_grant", error_description: "The assertion's jti was already used" },
      };
    this.seenJti.set(jtiKey, (problem.exp + CLOCK_SKEW_SECONDS) * 1000);

    const requested = (form.get("scope") ?? "").split(" ").filter(Boolean);
    if (requested.some((scope) => !ALL_SCOPES.includes(scope)))
      return { status: 400, body: { error: "invalid_scope" } };
    const granted = requested.length > 0 ? [...new Set(requested)] : [...ALL_SCOPES];
    return {
      status: 200,
      body: {
        access_token: this.tokens.issue(client.clientId, granted),
        token_type: "Bearer",
        expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
        scope: granted.join(" "),
      },
    };
  }

  /** The assertion's jti and exp when it is valid, otherwise a plain reason. */
  private async verifyAssertion(
    client: OAuthClient,
    assertion: string,
  ): Promise<string | { jti: string; exp: number }> {
    let header;
    try {
      header = decodeProtectedHeader(assertion);
    } catch {
      return "client_assertion is not a JWT";
    }
    if (header.alg !== client.alg) return `client_assertion must be signed with ${client.alg}`;
    if (header.kid !== client.kid) return "client_assertion kid does not match the client's key";
    let payload: Uint8Array;
    try {
      ({ payload } = await compactVerify(assertion, client.publicKey, { algorithms: [client.alg] }));
    } catch {
      return "client_assertion signature is invalid";
    }
    const claims = claimsOf(payload);
    if (!claims) return "client_assertion payload is not a JSON object";
    const { iss, sub, aud, iat, exp, jti } = claims;
    if (iss !== client.clientId || sub !== client.clientId) return "iss and sub must both be the client id";
    if (!audienceMatches(aud, this.tokenEndpoint)) return `aud must be the token endpoint ${this.tokenEndpoint}`;
    if (!isNumericDate(iat) || !isNumericDate(exp)) return "iat and exp must be numeric dates";
    if (exp <= iat || exp - iat > MAX_ASSERTION_LIFETIME_SECONDS)
      return `exp must be at most ${MAX_ASSERTION_LIFETIME_SECONDS} seconds after iat`;
    const nowSeconds = this.now() / 1000;
    if (iat > nowSeconds + CLOCK_SKEW_SECONDS) return "client_assertion was issued in the future";
    if (exp <= nowSeconds - CLOCK_SKEW_SECONDS) return "client_assertion has expired";
    if (typeof jti !== "string" || jti.length === 0) return "jti is missing";
    return { jti, exp };
  }

  private pruneJti(): void {
    const now = this.now();
    for (const [key, until] of this.seenJti) if (until <= now) this.seenJti.delete(key);
  }
}
