/**
 * The shapes tokendesk works with after an RSA answer has been validated.
 * Browser-safe (types and constants only): the desk renders these.
 */

export const TOKEN_STATUSES = ["Enabled", "Disabled"] as const;
/** Whether the token can be used to sign in — changed by enable/disable. */
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

export const TOKEN_STATES = ["Unassigned", "Activation Pending", "Activated"] as const;
/** Where the token is in its life — changed by assign, the user's activation, unassign. */
export type TokenState = (typeof TOKEN_STATES)[number];

/** A SID700 hardware token record (call 1). Informational fields may be null. */
export interface SidToken {
  id: string | null;
  name: string | null;
  userId: string | null;
  deviceType: string | null;
  registeredDate: string | null;
  tokenSerialNumber: string;
  updatedAt: string | null;
  tokenState: TokenState;
  expiryDate: string | null;
  tokenStatus: TokenStatus;
  assignedAt: string | null;
  assignedBy: string | null;
  pinSet: boolean | null;
  tokenStatusChangedAt: string | null;
  tokenStatusChangedBy: string | null;
}

/** One OTP credential of a DS100 device (call 2): a 12-digit credential serial on a 9-digit device. */
export interface Ds100Credential extends SidToken {
  deviceSerialNumber: string;
  tokenStatusReason: string | null;
}

/** Answer of enable/disable on a SID700 token (calls 3 and 4). */
export interface SidStatusChange {
  userId: string;
  tokenSerialNumber: string;
  tokenStatus: TokenStatus;
  tokenStatusChangedBy: string | null;
  tokenStatusChangedAt: string | null;
}

/** One element of the answer of enable/disable on a DS100 (calls 8 and 9). */
export interface Ds100StatusChange extends SidStatusChange {
  deviceSerialNumber: string | null;
}

/** Answer of unassign (call 5). */
export interface SidUnassignResult {
  tokenSerialNumber: string;
  tokenState: TokenState;
}

/** Answer of assign (call 6). */
export interface SidAssignResult {
  userId: string;
  tokenSerialNumber: string;
  tokenState: TokenState;
}

/** Answer of the clear-PIN calls (7 and 10). */
export interface PinClearResult {
  userId: string | null;
  tokenSerialNumber: string;
  pinSet: boolean | null;
}

/** A user record (call 11). */
export interface RsaUser {
  id: string;
  emailAddress: string | null;
  firstName: string | null;
  lastName: string | null;
  userStatus: string | null;
  isTokenLocked: boolean | null;
}

/** A user's authenticators (call 12). Device and FIDO entries are kept as RSA sent them. */
export interface UserDevices {
  devices: Record<string, unknown>[];
  fidoTokens: Record<string, unknown>[];
  sidTokens: SidToken[];
}
