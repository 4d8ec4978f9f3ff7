import type { RsaUser } from "@/lib/rsa/user-types";

/**
 * A caller's lockouts and RSA status in words an agent reads out: which way
 * of signing in RSA has locked after failed attempts. Browser-safe.
 */
const LOCKS: [keyof RsaUser, string][] = [
  [
    "isTokenLocked",
    "Locked out of SecurID after failed attempts: tokencodes are refused until the lockout ends or an administrator lifts it.",
  ],
  ["isSmsLocked", "Locked out of SMS codes after failed attempts."],
  ["isVoiceLocked", "Locked out of voice-call codes after failed attempts."],
  ["isApproveLocked", "Locked out of push approvals after failed attempts."],
  ["isFingerprintLocked", "Locked out of fingerprint sign-in after failed attempts."],
];

export function lockoutSentences(user: RsaUser): string[] {
  return LOCKS.filter(([field]) => user[field] === true).map(([, sentence]) => sentence);
}

export function userStatusSentence(user: RsaUser): string {
  if (user.userStatus === null) return "RSA did not say whether this user is enabled.";
  if (/^enabled$/i.test(user.userStatus)) return "Enabled in RSA.";
  if (/^disabled$/i.test(user.userStatus))
    return "Disabled in RSA: none of their authenticators works until an administrator enables the user.";
  return `RSA says the user is "${user.userStatus}".`;
}

/** The emergency access status as RSA sent it, in words; null when there is none. */
export function emergencyAccessSentence(user: RsaUser): string | null {
  const status = (user.emergencyAccessStatus ?? "").toUpperCase();
  if (!status || status === "NONE" || status === "DISABLED") return null;
  if (status === "ACTIVE" || status === "ENABLED" || status === "ISSUED") return "An emergency access code is active.";
  if (status === "EXPIRED") return "The last emergency access code has expired.";
  return `Emergency access: RSA says "${user.emergencyAccessStatus}".`;
}
