import { compactVerify, decodeProtectedHeader } from "jose";
import type { AccessTokenStore } from "./access-tokens";
import type { LegacyCredential } from "./keys";

/**
 * Bearer verification for the admin API. Two kinds of token are accepted:
 *
 * 1. A JWT the client signed itself with one of its legacy keys (REFERENCE.md,
 *    "Legacy Administration API key"). Every rule is checked by hand, after
 *    the signature, so each one can be tested on its own: the header alg must
 *    be exactly RS256 and a typ, when present, exactly "JWT" (both checked
 *    BEFORE verifying, so `none` or HS256 tricks never reach the verifier);
 *    sub names the key file (its accessID), whose key must have signed and
 *    whose adminRestApiUrl the aud must be, byte for byte; iat/exp numeric, at
 *    most one hour apart, ±60 s clock skew.
 * 2. An opaque OAuth access token issued by our /oauth/token endpoint.
 *
 * Any failure is just "no caller": the server answers every one with the same
 * framework-style 403, as the real tenant does (it never says which rule).
 */

export interface Caller {
  /** A legacy-key JWT or an OAuth access token (some calls are OAuth only). */
  kind: "legacy" | "oauth";
  /** Recorded as tokenStatusChangedBy / assignedBy: the accessID or the OAuth client id. */
  subject: string;
  /** "all" for a legacy key; the granted scopes for an OAuth token. */
  scopes: ReadonlySet<string> | "all";
}

export const CLOCK_SKEW_SECONDS = 60;
export const MAX_LEGACY_LIFETIME_SECONDS = 3600;

/** aud may be a string or a one-element array; either way it must match exactly. */
export function audienceMatches(aud: unknown, expected: string): boolean {
  if (typeof aud === "string") return aud === expected;
  return Array.isArray(aud) && aud.length === 1 && aud[0] === expected;
}

export function isNumericDate(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** Decodes a JWS payload to a claims object, undefined when it is not a JSON object. */
export function claimsOf(payload: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(payload));
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export class Authenticator {
  private readonly legacy: ReadonlyMap<string, LegacyCredential>;

  constructor(
    legacy: readonly LegacyCredential[],
    private readonly tokens: AccessTokenStore,
    private readonly now: () => number,
  ) {
    this.legacy = new Map(legacy.map((c) => [c.accessId, c]));
  }

  async authenticate(authorization: string | undefined): Promise<Caller | undefined> {
    const match = /^Bearer +(\S+) *$/i.exec(authorization ?? "");
    const token = match?.[1];
    if (!token) return undefined;

    const issued = this.tokens.lookup(token);
    if (issued) return { kind: "oauth", subject: issued.clientId, scopes: issued.scopes };

    return this.verifyLegacyJwt(token);
  }

  private async verifyLegacyJwt(token: string): Promise<Caller | undefined> {
    try {
      const header = decodeProtectedHeader(token);
      if (header.alg !== "RS256") return undefined;
      if (header.typ !== undefined && header.typ !== "JWT") return undefined;
    } catch {
      return undefined; // not a JWT at all
    }
    // Which key file? The claims name it; they are trusted only once its key verified the signature.
    const unverifiedSub = unverifiedSubject(token);
    const key = unverifiedSub === undefined ? undefined : this.legacy.get(unverifiedSub);
    if (!key) return undefined;
    let payload: Uint8Array;
    try {
      ({ payload } = await compactVerify(token, key.publicKey, { algorithms: ["RS256"] }));
    } catch {
      return undefined; // bad signature or malformed
    }
    const claims = claimsOf(payload);
    if (!claims) return undefined;
    const { sub, aud, iat, exp } = claims;
    if (sub !== key.accessId) return undefined;
    if (!audienceMatches(aud, key.adminRestApiUrl)) return undefined;
    if (!isNumericDate(iat) || !isNumericDate(exp)) return undefined;
    if (exp <= iat || exp - iat > MAX_LEGACY_LIFETIME_SECONDS) return undefined;
    const nowSeconds = this.now() / 1000;
    if (iat > nowSeconds + CLOCK_SKEW_SECONDS) return undefined; // issued in the future
    if (exp <= nowSeconds - CLOCK_SKEW_SECONDS) return undefined; // expired
    return { kind: "legacy", subject: key.accessId, scopes: "all" };
  }
}

/** The sub claim of a compact JWS, read WITHOUT verifying (only to pick the key that must verify it). */
function unverifiedSubject(token: string): string | undefined {
  const payload = token.split(".")[1];
  if (payload === undefined) return undefined;
  try {
    const claims = claimsOf(Buffer.from(payload, "base64url"));
    return typeof claims?.sub === "string" ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}

export function hasAnyScope(caller: Caller, anyOf: readonly string[]): boolean {
  if (caller.scopes === "all") return true;
  const granted = caller.scopes;
  return anyOf.some((scope) => granted.has(scope));
}
