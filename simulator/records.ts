/**
 * The shapes of the tenant's records, as the vendor pages and REFERENCE.md
 * show them. Kept apart from the model so the seed, the routes and the tests
 * can share them without pulling in the rules.
 */

export type TokenStatus = "Enabled" | "Disabled";
export type TokenState = "Unassigned" | "Activation Pending" | "Activated";

/** A SID700 record: the 15 fields of the vendor example, in the vendor's order. */
export interface SidToken {
  deviceType: "SID700";
  tokenStatus: TokenStatus;
  assignedBy: string | null;
  registeredDate: string | null;
  assignedAt: string | null;
  tokenStatusChangedAt: string | null;
  userId: string | null;
  expiryDate: string | null;
  tokenSerialNumber: string;
  pinSet: boolean;
  name: string | null;
  id: string;
  tokenState: TokenState;
  tokenStatusChangedBy: string | null;
  updatedAt: string;
}

/** A DS100 OTP credential record, fields in the vendor example's order. */
export interface Ds100Credential {
  id: string;
  name: string | null;
  userId: string | null;
  deviceType: "SecurID DS100";
  registeredDate: string | null;
  tokenSerialNumber: string;
  updatedAt: string;
  tokenState: TokenState;
  expiryDate: null;
  tokenStatus: TokenStatus;
  tokenStatusReason: null;
  assignedAt: string | null;
  assignedBy: string | null;
  pinSet: boolean;
  tokenStatusChangedAt: string | null;
  tokenStatusChangedBy: string | null;
  deviceSerialNumber: string;
}

/**
 * A phone registered with the RSA Authenticator app (call 12's `devices`,
 * next to the DS100 credentials). Read-only here: no call of this product
 * changes one. Only fields of REFERENCE.md's list for call 12's items.
 */
export interface MobileDevice {
  id: string;
  name: string;
  userId: string;
  deviceType: "iOS" | "Android";
  registeredDate: string;
  updatedAt: string;
  status: "Enabled" | "Disabled";
}

/** A FIDO security key (call 12's `fidoTokens`). Read-only, like phones. */
export interface FidoToken {
  id: string;
  name: string;
  userId: string;
  deviceType: "FIDO";
  registeredDate: string;
  updatedAt: string;
  status: "Enabled" | "Disabled";
}

/**
 * The simulator's choice (REFERENCE.md names the field, not its values):
 * NONE = no emergency access code, ACTIVE = one is valid now, EXPIRED = the
 * last one issued has run out and was never cancelled.
 */
export type EmergencyAccessStatus = "NONE" | "ACTIVE" | "EXPIRED";

/**
 * A user record (calls 11 and 13), the fields of REFERENCE.md's "seen in real
 * answers" list. The optional ones are absent from the answer, not null, when
 * the user has none ("sometimes"). emergencyAccessStatus and
 * emergencyTokencodeExpiration are filled in by the model on every read from
 * the user's current emergency access code.
 */
export interface TenantUser {
  id: string;
  emailAddress: string;
  firstName: string;
  lastName: string;
  creationDate: string;
  identitySource: string;
  userStatus: "Enabled" | "Disabled";
  highRiskUser: boolean;
  markDeleted: boolean;
  smsNumber?: string;
  voiceNumber?: string;
  isTokenLocked: boolean;
  isSmsLocked: boolean;
  isVoiceLocked: boolean;
  isFingerprintLocked: boolean;
  isApproveLocked: boolean;
  principalUsername: string;
  alternateUsername: string | null;
  lastSyncTime: string | null;
  monthLastAuthenticated: string | null;
  emergencyAccessStatus: EmergencyAccessStatus;
  emergencyTokencodeExpiration: string | null;
  lastSuccessfulAuthenticationMethod?: string;
  lastSuccessfulAuthenticationDate?: string;
}

/** An emergency access code as the tenant keeps it: never the code itself (a secret read once to the caller). */
export interface EmergencyCode {
  id: string;
  userId: string;
  expirationDate: string;
  offlineExpirationDate: string;
  oneTimeUse: boolean;
}

export interface TenantData {
  users: TenantUser[];
  sidTokens: SidToken[];
  ds100Credentials: Ds100Credential[];
  /** Optional so a hand-made seed (a test's) may leave them out. */
  mobileDevices?: MobileDevice[];
  fidoTokens?: FidoToken[];
  emergencyCodes?: EmergencyCode[];
}
