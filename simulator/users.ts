import type { EmergencyAccessStatus, TenantUser } from "./records";

/**
 * User records as the user calls answer them (11 and 13), and the search of
 * call 13. Pure functions: the model owns the state.
 */

/**
 * The answer's record, fields in a fixed order, the optional ones only when
 * the user has them. The emergency fields come from the user's current code.
 */
export function userRecord(
  user: TenantUser,
  emergency: { emergencyAccessStatus: EmergencyAccessStatus; emergencyTokencodeExpiration: string | null },
): TenantUser {
  const record: TenantUser = {
    id: user.id,
    emailAddress: user.emailAddress,
    firstName: user.firstName,
    lastName: user.lastName,
    creationDate: user.creationDate,
    identitySource: user.identitySource,
    userStatus: user.userStatus,
    highRiskUser: user.highRiskUser,
    markDeleted: user.markDeleted,
    ...(user.smsNumber !== undefined && { smsNumber: user.smsNumber }),
    ...(user.voiceNumber !== undefined && { voiceNumber: user.voiceNumber }),
    isTokenLocked: user.isTokenLocked,
    isSmsLocked: user.isSmsLocked,
    isVoiceLocked: user.isVoiceLocked,
    isFingerprintLocked: user.isFingerprintLocked,
    isApproveLocked: user.isApproveLocked,
    principalUsername: user.principalUsername,
    alternateUsername: user.alternateUsername,
    lastSyncTime: user.lastSyncTime,
    monthLastAuthenticated: user.monthLastAuthenticated,
    emergencyAccessStatus: emergency.emergencyAccessStatus,
    emergencyTokencodeExpiration: emergency.emergencyTokencodeExpiration,
    ...(user.lastSuccessfulAuthenticationMethod !== undefined && {
      lastSuccessfulAuthenticationMethod: user.lastSuccessfulAuthenticationMethod,
    }),
    ...(user.lastSuccessfulAuthenticationDate !== undefined && {
      lastSuccessfulAuthenticationDate: user.lastSuccessfulAuthenticationDate,
    }),
  };
  return record;
}

/**
 * Call 13's matching: `emailLike` is a literal, case-insensitive substring of
 * the e-mail. No wildcards: `%`, `*` and `_` match only themselves (a client
 * that escapes or adds them finds nothing, as against the real tenant).
 */
export function emailMatches(email: string, emailLike: string): boolean {
  return email.toLowerCase().includes(emailLike.toLowerCase());
}

/** Sorted by e-mail (case-insensitive, then as written, so the order is total). */
export function byEmail(a: { emailAddress: string }, b: { emailAddress: string }): number {
  const x = a.emailAddress.toLowerCase();
  const y = b.emailAddress.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a.emailAddress < b.emailAddress ? -1 : a.emailAddress > b.emailAddress ? 1 : 0;
}
