/**
 * Emergency access codes (calls 14, 15) and live verification (call 16).
 * Browser-safe types only.
 */

export const EMERGENCY_EXPIRY_UNITS = ["minutes", "hours", "days"] as const;
export type EmergencyExpiryUnit = (typeof EMERGENCY_EXPIRY_UNITS)[number];

/** What to ask RSA for: a code valid from 1 minute to 7 days (checked before sending). */
export interface EmergencyCodeRequest {
  oneTimeUse: boolean;
  expiryUnit: EmergencyExpiryUnit;
  expiryValue: number;
}

/**
 * An issued emergency access code (call 14). `emergencyTokencode` is a SECRET
 * read out to the caller once: never store, log or audit it (record that one
 * was issued, for whom and until when).
 */
export interface EmergencyAccessCode {
  /** What call 15 cancels it by. */
  emergencyTokencodeId: string;
  emergencyTokencode: string;
  expirationDate: string | null;
  offlineExpirationDate: string | null;
  oneTimeUse: boolean | null;
  /** The company's settings lock the duration options (RSA may have used its own). */
  configurationsLocked: boolean | null;
}

/**
 * A live verification session (call 16). The field set comes from third-party
 * clients, so every field is lenient and kept as RSA sent it.
 */
export interface VerificationSession {
  userId: string | null;
  userEmail: string | null;
  adminUsername: string | null;
  sessionExpiration: string | null;
  verifyStatus: string | null;
  status: string | null;
  /** How the caller answered (e.g. push or code), when RSA says. */
  verificationMethod: string | null;
}
