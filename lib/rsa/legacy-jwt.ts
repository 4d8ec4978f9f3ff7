import "server-only";
import { SignJWT } from "jose";
import type { LegacyKeyCredential } from "@/lib/rsa/config";

/** RSA refuses a legacy JWT that lives longer than an hour; stay a little under. */
export const LEGACY_JWT_LIFETIME_SECONDS = 55 * 60;

/**
 * Signs the bearer JWT for a legacy Administration API key: RS256 only,
 * `sub` = accessID, `aud` = adminRestApiUrl byte for byte, `iat`/`exp` in
 * epoch seconds.
 */
export async function signLegacyJwt(
  credential: LegacyKeyCredential,
  nowMs: number,
): Promise<{ token: string; expiresAtMs: number }> {
  const iat = Math.floor(nowMs / 1000);
  const exp = iat + LEGACY_JWT_LIFETIME_SECONDS;
  const token = await new SignJWT({})
    .setProtectedHeader({ typ: "JWT", alg: "RS256" })
    .setSubject(credential.accessId)
    .setAudience(credential.adminRestApiUrl)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(credential.privateKey);
  return { token, expiresAtMs: exp * 1000 };
}
