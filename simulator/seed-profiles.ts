import type { FidoToken, MobileDevice, TenantUser } from "./records";
import { DAY_MS, HISTORY_END, HISTORY_START, iso, Random } from "./seed-random";
import { ACTIVE_DIRECTORY, CLOUD_DIRECTORY } from "./seed-records";

/**
 * The profile pass: gives every user the rest of REFERENCE.md's user record
 * (identity source, usernames, locks, phone numbers, last authentication) and
 * gives some of the population a phone or a FIDO key. Runs last, on its own
 * PRNG stream, so it never shifts a token or a DS100 record.
 *
 * Named users (the examples and the story) never get a random lock, a
 * disabled or deleted account or a high-risk flag: their situation is the one
 * their name promises, and the story sets whatever else it needs.
 */

const PROFILE_SEED = 0x5eed_702;
const HOUR_MS = 60 * 60 * 1000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/**
 * lastSuccessfulAuthenticationMethod: the simulator's choice of names (no
 * vendor page lists them); clients must show whatever string comes. "FIDO"
 * is left out of the random draw: only the story's key holder could have used one.
 */
export const AUTHENTICATION_METHODS = [
  "SecurID Token",
  "Approve",
  "Authenticate Tokencode",
  "Device Biometrics",
  "SMS Tokencode",
  "Voice Tokencode",
] as const;

const ANDROID_NAMES = ["Pixel 8", "Galaxy S23", "Pixel 7a", "Galaxy A54"] as const;
const FIDO_NAMES = [
  "YubiKey 5 NFC",
  "YubiKey 5C",
  "Security Key by Yubico",
  "Feitian ePass FIDO2",
  "Google Titan Security Key",
] as const;

/** "Jun 2025", as monthLastAuthenticated reads. */
export function monthLabel(ms: number): string {
  const date = new Date(ms);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** A number from the fictional 555-01xx range, in E.164. */
function phoneNumber(rnd: Random): string {
  return `+1${rnd.pick(["212", "312", "415", "617", "206"])}55501${rnd.digits(2)}`;
}

function directoryUsername(user: TenantUser): string {
  const name = `${user.firstName.charAt(0)}${user.lastName}`.toLowerCase().replace(/[^a-z0-9]/g, "");
  return name || user.emailAddress;
}

export interface ProfileOptions {
  /** Start of the seed's UTC day: recent dates (last sync, last sign-in) count from it. */
  today: number;
  /** Users in a named situation: no random trouble. */
  named: ReadonlySet<string>;
  /** Fields fixed by the story, applied last. */
  overrides: ReadonlyMap<string, Partial<TenantUser>>;
  /** Users who may get a phone or a FIDO key (the population). */
  withDevices: readonly TenantUser[];
}

/** Completes every user in place; returns the population's phones and FIDO keys. */
export function applyProfiles(
  users: TenantUser[],
  options: ProfileOptions,
): { mobileDevices: MobileDevice[]; fidoTokens: FidoToken[] } {
  const rnd = new Random(PROFILE_SEED);
  const { today } = options;
  for (const user of users) {
    const fixed = options.overrides.get(user.id) ?? {};
    const named = options.named.has(user.id);
    // The draws never depend on the story's overrides: fixing a story user's profile shifts nobody else's.
    const adRoll = rnd.chance(0.7);
    const directory =
      fixed.identitySource ??
      (user.emailAddress.endsWith("@example.com") && adRoll ? ACTIVE_DIRECTORY : CLOUD_DIRECTORY);
    const ad = directory === ACTIVE_DIRECTORY;
    const creationMs = rnd.int(Date.UTC(2018, 0, 8), HISTORY_START - 7 * DAY_MS);
    const syncMs = today - rnd.int(1, 20) * HOUR_MS - rnd.int(0, 3599) * 1000;
    const trouble = (p: number) => rnd.chance(p) && !named;
    const disabled = trouble(0.03);
    const markDeleted = disabled && rnd.chance(0.3);
    const highRisk = trouble(0.02);
    const locks = [trouble(0.02), trouble(0.02), trouble(0.01), trouble(0.01), trouble(0.01)] as const;
    const sms = rnd.chance(0.4) ? phoneNumber(rnd) : undefined;
    const voice = rnd.chance(0.15) ? (sms ?? phoneNumber(rnd)) : undefined;
    const authenticated = !disabled && rnd.chance(0.85);
    const lastAuthMs = today - rnd.int(0, 170) * DAY_MS - rnd.int(0, DAY_MS - 1);
    const detailed = rnd.chance(0.6);
    const method = rnd.pick(AUTHENTICATION_METHODS);

    Object.assign(user, {
      creationDate: iso(creationMs),
      identitySource: directory,
      userStatus: disabled ? "Disabled" : "Enabled",
      highRiskUser: highRisk,
      markDeleted,
      isTokenLocked: locks[0],
      isSmsLocked: locks[1],
      isVoiceLocked: locks[2],
      isFingerprintLocked: locks[3],
      isApproveLocked: locks[4],
      principalUsername: ad ? directoryUsername(user) : user.emailAddress,
      alternateUsername: ad ? user.emailAddress : null,
      lastSyncTime: ad ? iso(syncMs) : null,
      monthLastAuthenticated: authenticated ? monthLabel(lastAuthMs) : null,
    } satisfies Partial<TenantUser>);
    if (sms !== undefined) user.smsNumber = sms;
    if (voice !== undefined) user.voiceNumber = voice;
    if (authenticated && detailed) {
      user.lastSuccessfulAuthenticationMethod = method;
      user.lastSuccessfulAuthenticationDate = iso(lastAuthMs);
    }
    for (const [key, value] of Object.entries(fixed)) {
      if (value === undefined) delete (user as unknown as Record<string, unknown>)[key];
      else (user as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return populationDevices(rnd, options.withDevices);
}

/** About one in five of the population has a phone, one in twenty a FIDO key. */
function populationDevices(
  rnd: Random,
  population: readonly TenantUser[],
): { mobileDevices: MobileDevice[]; fidoTokens: FidoToken[] } {
  const mobileDevices: MobileDevice[] = [];
  const fidoTokens: FidoToken[] = [];
  for (const user of population) {
    if (rnd.chance(0.2)) {
      const ios = rnd.chance(0.55);
      const registeredMs = rnd.int(HISTORY_START, HISTORY_END);
      mobileDevices.push({
        id: rnd.uuid(),
        name: ios ? `${user.firstName}'s iPhone` : rnd.pick(ANDROID_NAMES),
        userId: user.id,
        deviceType: ios ? "iOS" : "Android",
        registeredDate: iso(registeredMs),
        updatedAt: iso(registeredMs + rnd.int(0, 90) * DAY_MS),
        status: rnd.chance(0.95) ? "Enabled" : "Disabled",
      });
    }
    if (rnd.chance(0.05)) {
      const registeredMs = rnd.int(HISTORY_START, HISTORY_END);
      fidoTokens.push({
        id: rnd.uuid(),
        name: rnd.pick(FIDO_NAMES),
        userId: user.id,
        deviceType: "FIDO",
        registeredDate: iso(registeredMs),
        updatedAt: iso(registeredMs),
        status: "Enabled",
      });
    }
  }
  return { mobileDevices, fidoTokens };
}
