import "server-only";
import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { getToken, type JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { checkSession, type SessionClaims } from "@/lib/auth/session-store";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "@/lib/db/availability";
import { authSecret, env } from "@/lib/env";
import { logger } from "@/lib/logger";

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  sessionId: string;
}

/**
 * The key next-auth (4.x) derives from the secret for its session JWTs, made
 * once per secret instead of once per request, and imported once as a
 * CryptoKey (jose re-imports raw key bytes on every call): next-auth's own
 * decode runs HKDF every time, and getServerSession decodes, re-encrypts a
 * cookie it cannot even set from here, and derives the key twice — most of
 * the session check's CPU time (README: Performance).
 */
let derived: { secret: string; key: Promise<CryptoKey> } | undefined;
function encryptionKey(secret: string): Promise<CryptoKey> {
  if (derived?.secret !== secret) {
    const bytes = hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32);
    derived = { secret, key: crypto.subtle.importKey("raw", bytes, "AES-GCM", false, ["decrypt"]) };
  }
  return derived.key;
}

/** next-auth's decode (jwt/index.js) with the cached key: dir + A256GCM, 15 s clock tolerance. */
async function decode({ token, secret }: { token?: string; secret: string | Buffer }): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, await encryptionKey(String(secret)), { clockTolerance: 15 });
  return payload as JWT;
}

function claimsOf(token: JWT | null): SessionClaims | null {
  if (!token) return null;
  const { uid, sid, sv } = token;
  if (typeof uid !== "string" || typeof sid !== "string" || typeof sv !== "number") return null;
  return { uid, sid, sv };
}

// A forged, expired or stale cookie is routine: a warning, as next-auth's own logger config says (options.ts).
const quietLogger = {
  error: (code: string) => logger().warn({ code }, "next-auth"),
  warn: (code: string) => logger().warn({ code }, "next-auth"),
  debug: () => {},
};

/**
 * The signed-in user of this request, re-checked against the database; once
 * per request. Throws DatabaseUnavailableError when the database cannot say
 * (so nobody is told their session ended when it did not).
 *
 * What getServerSession(authOptions()) answered, without its detour: the
 * session cookie (next-auth's name and chunking, through its getToken; never
 * an Authorization header) decrypted with the secret, then the server-side
 * session check of options.ts's session callback.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const secret = authSecret();
  if (!secret) throw new Error("NEXTAUTH_SECRET (or AUTH_SECRET) is not set");
  const secureCookie = env().NEXTAUTH_URL?.startsWith("https://") ?? false;
  const token = await getToken({
    req: { cookies: await cookies(), headers: {} } as never,
    secret,
    secureCookie,
    decode,
    logger: quietLogger as never,
  });
  const claims = claimsOf(token);
  if (!claims) return null;
  let check: Awaited<ReturnType<typeof checkSession>>;
  try {
    check = await checkSession(claims);
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw new DatabaseUnavailableError(error);
    throw error;
  }
  if (!check.ok || !(ROLES as readonly string[]).includes(check.user.role)) return null;
  return check.user;
});
