/**
 * The shapes tokendesk works with after an RSA answer has been validated.
 * Browser-safe (types and constants only): the desk renders these.
 *
 * Two layers (docs/decisions/0006-rsa-client.md): fields tokendesk acts on
 * (serials, userId, tokenStatus, tokenState) are checked strictly per record;
 * informational fields are read leniently and are null when unreadable.
 */

export const TOKEN_STATUSES = ["Enabled", "Disabled"] as const;
/** Whether the token can be used to sign in — changed by enable/disable. */
export type TokenStatus = (typeof TOKEN_STATUSES)[number];

export const TOKEN_STATES = ["Unassigned", "Activation Pending", "Activated"] as const;
/** Where the token is in its life — changed by assign, the user's activation, unassign. */
export type TokenState = (typeof TOKEN_STATES)[number];

/**
 * A SID700 hardware token record (call 1). `tokenStatus`/`tokenState` are null
 * when RSA sent a value tokendesk does not know (then `rawTokenStatus`/
 * `rawTokenState` hold it, and no action is offered). `userId` is null when the
 * token has no owner; an empty-string userId is read as null only on a token
 * whose state is "Unassigned" (the vendor's "no user"), otherwise the record
 * is unusable.
 */
export interface SidToken {
  id: string | null;
  name: string | null;
  userId: string | null;
  deviceType: string | null;
  registeredDate: string | null;
  tokenSerialNumber: string;
  updatedAt: string | null;
  tokenState: TokenState | null;
  /** What RSA sent as tokenState, trimmed ("" when it sent none). */
  rawTokenState: string;
  /** A day, not an instant: show it as a date in UTC. */
  expiryDate: string | null;
  tokenStatus: TokenStatus | null;
  /** What RSA sent as tokenStatus, trimmed ("" when it sent none). */
  rawTokenStatus: string;
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

/** A DS100 device as RSA answered for it: the readable credentials and how many were not readable. */
export interface Ds100Device {
  credentials: Ds100Credential[];
  /** Credentials left out because their serial or owner could not be read. */
  hiddenCredentials: number;
}

/** Answer of enable/disable on a SID700 token (calls 3 and 4). Strict: tokendesk records it as the state after. */
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

/** Answer of renaming a SID700 token (call 17). */
export interface SidRenameResult {
  tokenSerialNumber: string;
  name: string | null;
  userId: string | null;
}

export type { RsaUser, UserSearchPage, DeviceSummary, UserDevices } from "@/lib/rsa/user-types";
export type {
  EmergencyAccessCode,
  EmergencyCodeRequest,
  EmergencyExpiryUnit,
  VerificationSession,
} from "@/lib/rsa/help-desk-types";
