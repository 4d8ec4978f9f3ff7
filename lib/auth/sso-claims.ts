import { z } from "zod";

/**
 * Reading a person out of verified OpenID Connect claims (ID token, plus
 * userinfo when the ID token lacks them). Providers differ: groups arrive as
 * an array (Entra ID, Okta, Keycloak) or as one string (some gateways and
 * SAML bridges), e-mail may be missing (Entra ID without the optional claim,
 * then `preferred_username` is the UPN), `email_verified` is a boolean or the
 * string "true" (Cognito). Pure and synchronous, so it is tested on its own.
 */

export type Claims = Record<string, unknown>;

export interface SsoIdentity {
  /** The ID token's `iss`: who vouches for `subject`. */
  issuer: string;
  /** `sub`: stable at this issuer, never reassigned, unlike an e-mail address. */
  subject: string;
  email: string;
  /** Whether the provider says the person controls `email` (only then may it link to an existing account). */
  emailVerified: boolean;
  displayName: string;
  groups: string[];
}

const emailSchema = z.string().trim().toLowerCase().email().max(254);

/** A claim by exact name (Auth0's namespaced "https://example.com/groups" included), else by dotted path. */
export function claimAt(claims: Claims, name: string): unknown {
  if (Object.hasOwn(claims, name)) return claims[name];
  if (!name.includes(".")) return undefined;
  let value: unknown = claims;
  for (const part of name.split(".")) {
    if (!value || typeof value !== "object" || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * The groups in a claim. An array gives its strings (and numbers). A single
 * string is split on commas when it has any, else on white space; the whole
 * string counts too, so a lone group name with a space in it still matches.
 */
export function groupsFromClaim(value: unknown): string[] {
  const found = new Set<string>();
  const add = (item: unknown) => {
    if (typeof item === "number" && Number.isFinite(item)) found.add(String(item));
    if (typeof item !== "string") return;
    const whole = item.trim();
    if (!whole) return;
    found.add(whole);
    for (const part of whole.split(whole.includes(",") ? "," : /\s+/)) if (part.trim()) found.add(part.trim());
  };
  if (Array.isArray(value)) value.forEach(add);
  else add(value);
  return [...found];
}

function isTrue(value: unknown): boolean {
  return value === true || (typeof value === "string" && value.trim().toLowerCase() === "true");
}

function text(value: unknown, max: number): string | null {
  if (typeof value !== "string") return null;
  // Names from a provider must not smuggle control characters into the screens or the audit.
  const cleaned = value.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  return cleaned ? cleaned.slice(0, max) : null;
}

export type ClaimsProblem = "no-subject" | "no-email";

/** The identity in a set of claims, or which essential claim is missing. */
export function identityFromClaims(
  claims: Claims,
  roleClaim: string,
): { ok: true; identity: SsoIdentity } | { ok: false; problem: ClaimsProblem } {
  const subject = typeof claims.sub === "string" && claims.sub.length <= 255 ? claims.sub.trim() : "";
  const issuer = typeof claims.iss === "string" ? claims.iss : "";
  if (!subject || !issuer) return { ok: false, problem: "no-subject" };
  const email = emailSchema.safeParse(claims.email);
  // Without an `email` claim, a UPN-style preferred_username may create an account, but never vouches for linking one.
  const fallback = email.success ? null : emailSchema.safeParse(claims.preferred_username);
  const address = email.success ? email.data : fallback?.success ? fallback.data : null;
  if (!address) return { ok: false, problem: "no-email" };
  const given = text(claims.given_name, 60);
  const family = text(claims.family_name, 60);
  const displayName =
    text(claims.name, 120) ?? (given || family ? [given, family].filter(Boolean).join(" ") : null) ?? address;
  return {
    ok: true,
    identity: {
      issuer,
      subject,
      email: address,
      emailVerified: email.success && isTrue(claims.email_verified),
      displayName,
      groups: groupsFromClaim(claimAt(claims, roleClaim)),
    },
  };
}
