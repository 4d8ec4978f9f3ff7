import type { Ds100Credential, SidToken, TenantUser, TokenState, TokenStatus } from "./records";
import { DAY_MS, HISTORY_END, HISTORY_START, iso, SEED_ADMIN, type Random } from "./seed-random";

/**
 * Builders for seeded records with believable, consistent history. Shared by
 * the examples and population (seed.ts) and the story (seed-story.ts). A
 * builder draws from the Random it is given in a fixed order: changing that
 * order changes every record after it.
 */

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The cloud directory's name in the vendor's console; synced users carry their directory's name. */
export const CLOUD_DIRECTORY = "Cloud Directory";
export const ACTIVE_DIRECTORY = "Active Directory (corp.example)";

/**
 * A user with a plain cloud-directory profile and nothing locked; names from
 * the e-mail unless given. The profile pass (seed-profiles.ts) makes it
 * realistic afterwards, so building users draws nothing from the PRNG.
 */
export function userFromEmail(id: string, email: string, names?: readonly [string, string]): TenantUser {
  const [local] = email.split("@");
  const [first = "User", last = ""] = names ?? (local ?? "").split(".").map(capitalise);
  return {
    id,
    emailAddress: email,
    firstName: first,
    lastName: last,
    creationDate: iso(HISTORY_START - 90 * DAY_MS),
    identitySource: CLOUD_DIRECTORY,
    userStatus: "Enabled",
    highRiskUser: false,
    markDeleted: false,
    isTokenLocked: false,
    isSmsLocked: false,
    isVoiceLocked: false,
    isFingerprintLocked: false,
    isApproveLocked: false,
    principalUsername: email,
    alternateUsername: null,
    lastSyncTime: null,
    monthLastAuthenticated: null,
    emergencyAccessStatus: "NONE",
    emergencyTokencodeExpiration: null,
  };
}

export interface SidSpec {
  serial: string;
  state: TokenState;
  status: TokenStatus;
  userId: string | null;
  expiryDate: string;
}

/** Builds one SID700 record with believable, consistent history for its state and status. */
export function sidRecord(rnd: Random, spec: SidSpec): SidToken {
  const assignedMs = spec.userId ? rnd.int(HISTORY_START, HISTORY_END - 30 * DAY_MS) : null;
  const registeredMs =
    assignedMs !== null && spec.state === "Activated" ? assignedMs + rnd.int(60_000, 10 * DAY_MS) : null;
  // A Disabled token was disabled by someone at some point; an Enabled one may have been re-enabled.
  const statusChangedMs =
    spec.status === "Disabled" || rnd.chance(0.2)
      ? Math.max(registeredMs ?? assignedMs ?? HISTORY_START, rnd.int(HISTORY_START, HISTORY_END))
      : null;
  const updatedMs = Math.max(
    assignedMs ?? 0,
    registeredMs ?? 0,
    statusChangedMs ?? 0,
    rnd.int(HISTORY_START, HISTORY_START + 200 * DAY_MS),
  );
  return {
    deviceType: "SID700",
    tokenStatus: spec.status,
    assignedBy: assignedMs !== null ? SEED_ADMIN : null,
    registeredDate: registeredMs !== null ? iso(registeredMs) : null,
    assignedAt: assignedMs !== null ? iso(assignedMs) : null,
    tokenStatusChangedAt: statusChangedMs !== null ? iso(statusChangedMs) : null,
    userId: spec.userId,
    expiryDate: spec.expiryDate,
    tokenSerialNumber: spec.serial,
    pinSet: spec.state === "Activated" ? rnd.chance(0.85) : false,
    name:
      spec.userId && rnd.chance(0.5)
        ? rnd.pick(["Primary token", "Backup token", "Travel token", "Office token"])
        : null,
    id: rnd.uuid(),
    tokenState: spec.state,
    tokenStatusChangedBy: statusChangedMs !== null ? SEED_ADMIN : null,
    updatedAt: iso(updatedMs),
  };
}

export function ds100Record(
  rnd: Random,
  device: string,
  serial: string,
  user: TenantUser,
  status: TokenStatus,
): Ds100Credential {
  const registeredMs = rnd.int(HISTORY_START, HISTORY_END - 30 * DAY_MS);
  const statusChangedMs = status === "Disabled" ? registeredMs + rnd.int(DAY_MS, 300 * DAY_MS) : null;
  const updatedMs = statusChangedMs ?? registeredMs + rnd.int(0, 60_000);
  return {
    id: rnd.uuid(),
    name: `${user.firstName.toLowerCase()}-ds100`,
    userId: user.id,
    deviceType: "SecurID DS100",
    registeredDate: iso(registeredMs),
    tokenSerialNumber: serial,
    updatedAt: iso(updatedMs),
    tokenState: "Activated", // DS100 credentials are registered by the user: always Activated
    expiryDate: null,
    tokenStatus: status,
    tokenStatusReason: null,
    assignedAt: iso(registeredMs),
    assignedBy: user.emailAddress, // the user who registered it
    pinSet: rnd.chance(0.8),
    tokenStatusChangedAt: statusChangedMs !== null ? iso(statusChangedMs) : null,
    tokenStatusChangedBy: statusChangedMs !== null ? SEED_ADMIN : null,
    deviceSerialNumber: device,
  };
}
