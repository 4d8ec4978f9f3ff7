import "server-only";
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { z } from "zod";
import type { OAuthCredential } from "@/lib/rsa/config";
import { RsaError } from "@/lib/rsa/errors";
import { fetchWithTimeout } from "@/lib/rsa/fetch-with-timeout";

const tokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive().optional(),
  scope: z.string().optional(),
});

const errorAnswerSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/** A client assertion per RFC 7523: `iss` = `sub` = client id, `aud` = the token endpoint, five minutes. */
export async function signClientAssertion(credential: OAuthCredential, nowMs: number): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  return new SignJWT({})
    .setProtectedHeader({ typ: "JWT", alg: credential.alg, ...(credential.kid ? { kid: credential.kid } : {}) })
    .setIssuer(credential.clientId)
    .setSubject(credential.clientId)
    .setAudience(credential.tokenEndpoint)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 300)
    .setJti(randomUUID())
    .sign(credential.privateKey);
}

/**
 * Exchanges a client assertion for an access token at `{issuer}/token`. Its
 * errors' `sentRequest` is about this token request; the transport relabels
 * them as not sent, since nothing went to the Administration API.
 */
export async function fetchOAuthToken(
  credential: OAuthCredential,
  options: { nowMs: number; timeoutMs: number; fetch: typeof fetch },
): Promise<{ token: string; expiresAtMs: number }> {
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: credential.clientId,
    scope: credential.scopes.join(" "),
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: await signClientAssertion(credential, options.nowMs),
  });
  const response = await fetchWithTimeout(options.fetch, credential.tokenEndpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body,
    timeoutMs: options.timeoutMs,
  });
  let json: unknown = null;
  try {
    json = JSON.parse(response.body);
  } catch {
    // handled below: neither shape matches
  }
  if (response.status >= 200 && response.status < 300) {
    const answer = tokenAnswerSchema.safeParse(json);
    if (!answer.success) {
      throw new RsaError("invalid_answer", "the OAuth token endpoint answered without a usable access token", {
        httpStatus: response.status,
        sentRequest: true,
      });
    }
    const lifetimeMs = (answer.data.expires_in ?? 300) * 1000;
    return { token: answer.data.access_token, expiresAtMs: options.nowMs + lifetimeMs };
  }
  const problem = errorAnswerSchema.safeParse(json);
  const description = problem.success
    ? `${problem.data.error}${problem.data.error_description ? `: ${problem.data.error_description}` : ""}`
    : `HTTP ${response.status}`;
  if (response.status >= 500) {
    throw new RsaError("unavailable", "the OAuth token endpoint is unavailable", {
      httpStatus: response.status,
      rsaDescription: description,
      sentRequest: true,
    });
  }
  if (response.status === 429) {
    throw new RsaError("rate_limited", "the OAuth token endpoint is rate limiting", {
      httpStatus: 429,
      rsaDescription: description,
      sentRequest: true,
    });
  }
  throw new RsaError("credential_rejected", "the OAuth token endpoint refused tokendesk's client credentials", {
    httpStatus: response.status,
    rsaCode: problem.success ? problem.data.error : undefined,
    rsaDescription: description,
    sentRequest: true,
  });
}
