/**
 * Users and their authenticators (calls 11, 12 and 13). Browser-safe. Only
 * `RsaUser.id` is something tokendesk acts on (it is the userId of every
 * change); everything else is shown and read leniently (null when unreadable).
 */
import type { SidToken } from "@/lib/rsa/types";

/** A user record (calls 11 and 13), with the fields REFERENCE.md lists. */
export interface RsaUser {
  /** The RSA user id (a UUID): the `{id}` of every per-user call. */
  id: string;
  emailAddress: string | null;
  firstName: string | null;
  lastName: string | null;
  creationDate: string | null;
  identitySource: string | null;
  /** "Enabled"/"Disabled" as RSA sent it (informational: tokendesk does not act on it). */
  userStatus: string | null;
  highRiskUser: boolean | null;
  markDeleted: boolean | null;
  isTokenLocked: boolean | null;
  isSmsLocked: boolean | null;
  isVoiceLocked: boolean | null;
  isFingerprintLocked: boolean | null;
  isApproveLocked: boolean | null;
  lastSyncTime: string | null;
  emergencyAccessStatus: string | null;
  emergencyTokencodeExpiration: string | null;
  /** As RSA writes it, e.g. "Jun 2025". */
  monthLastAuthenticated: string | null;
  principalUsername: string | null;
  alternateUsername: string | null;
  smsNumber: string | null;
  voiceNumber: string | null;
  lastSuccessfulAuthenticationMethod: string | null;
  lastSuccessfulAuthenticationDate: string | null;
  identitySourceSpecificGroups: string[];
  globalGroups: string[];
}

/** One page of a user search (call 13). */
export interface UserSearchPage {
  users: RsaUser[];
  /** Records left out because their id could not be read. */
  hiddenUsers: number;
  pageNumber: number;
  pageSize: number;
  /** RSA filled the page, so there may be another one. */
  mayHaveMore: boolean;
}

/** A phone, DS100 or FIDO key in call 12's `devices`/`fidoTokens`: read-only display, every field lenient. */
export interface DeviceSummary {
  id: string | null;
  name: string | null;
  userId: string | null;
  deviceType: string | null;
  registeredDate: string | null;
  tokenSerialNumber: string | null;
  deviceSerialNumber: string | null;
  updatedAt: string | null;
  /** As RSA sent them: shown, never acted on. */
  tokenState: string | null;
  tokenStatus: string | null;
  status: string | null;
  tokenStatusReason: string | null;
  expiryDate: string | null;
  assignedAt: string | null;
  assignedBy: string | null;
  pinSet: boolean | null;
  tokenStatusChangedAt: string | null;
  tokenStatusChangedBy: string | null;
}

/** A user's authenticators (call 12). */
export interface UserDevices {
  devices: DeviceSummary[];
  fidoTokens: DeviceSummary[];
  sidTokens: SidToken[];
  /** SID700 records left out because their serial or owner could not be read. */
  hiddenSidTokens: number;
}
