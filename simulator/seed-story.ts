import type {
  Ds100Credential,
  EmergencyCode,
  FidoToken,
  MobileDevice,
  SidToken,
  TenantUser,
  TokenState,
  TokenStatus,
} from "./records";
import { SEED_EXAMPLES } from "./seed-examples";
import { DAY_MS, iso, Random, SEED_ADMIN } from "./seed-random";
import { ACTIVE_DIRECTORY, CLOUD_DIRECTORY, ds100Record, sidRecord, userFromEmail } from "./seed-records";

/**
 * The people of the demo story (SEED_EXAMPLES.users, the search examples and
 * the unassigned spares), added after the population with their own PRNG
 * stream so the older records stay exactly as they were. Each person is put
 * in the situation their name promises; seed.test.ts checks every one.
 *
 * Dates that make the story ("joined two days ago", "code valid two more
 * days") count from the start of the seed's UTC day, like expiry dates.
 */

const STORY_SEED = 0x5eed_701;
const HOUR_MS = 60 * 60 * 1000;

export interface StoryContext {
  /** Start of the seed's UTC day. */
  today: number;
  users: TenantUser[];
  sidTokens: SidToken[];
  ds100Credentials: Ds100Credential[];
  usedSerials: Set<string>;
  usedEmails: Set<string>;
  usedDevices: Set<string>;
}

export interface Story {
  /** Profile fields the story fixes, applied over the profile pass. */
  profiles: Map<string, Partial<TenantUser>>;
  mobileDevices: MobileDevice[];
  fidoTokens: FidoToken[];
  emergencyCodes: EmergencyCode[];
}

export function addStory(ctx: StoryContext): Story {
  const rnd = new Random(STORY_SEED);
  const { today } = ctx;
  const people = SEED_EXAMPLES.users;
  const story: Story = { profiles: new Map(), mobileDevices: [], fidoTokens: [], emergencyCodes: [] };
  const validExpiry = () => iso(today + rnd.int(60, 1800) * DAY_MS);

  const addUser = (person: { id: string; email: string; firstName: string; lastName: string }) => {
    // The story's addresses are chosen outside the population's name lists; a clash would be a seed bug.
    if (ctx.usedEmails.has(person.email)) throw new Error(`story e-mail ${person.email} is already in the seed`);
    const user = userFromEmail(person.id, person.email, [person.firstName, person.lastName]);
    ctx.users.push(user);
    ctx.usedEmails.add(user.emailAddress);
    return user;
  };
  const addSid = (
    serial: string,
    userId: string | null,
    state: TokenState,
    status: TokenStatus,
    fix: Partial<SidToken> = {},
  ) => {
    if (ctx.usedSerials.has(serial)) throw new Error(`story serial ${serial} is already in the seed`);
    const token = { ...sidRecord(rnd, { serial, state, status, userId, expiryDate: validExpiry() }), ...fix };
    ctx.sidTokens.push(token);
    ctx.usedSerials.add(serial);
    return token;
  };
  const profile = (id: string, fields: Partial<TenantUser>) => story.profiles.set(id, fields);

  // Forgotten PIN: one working token, PIN set.
  const lena = addUser(people.forgottenPin);
  addSid(people.forgottenPin.sidToken, lena.id, "Activated", "Enabled", { pinSet: true, name: "Primary token" });
  profile(lena.id, { identitySource: ACTIVE_DIRECTORY, lastSuccessfulAuthenticationMethod: "SecurID Token" });

  // Leaver: a SID700 and a DS100, both still Enabled.
  const marcus = addUser(people.leaver);
  addSid(people.leaver.sidToken, marcus.id, "Activated", "Enabled", { name: "Office token" });
  if (ctx.usedDevices.has(people.leaver.ds100Device))
    throw new Error(`story DS100 ${people.leaver.ds100Device} is already in the seed`);
  ctx.usedDevices.add(people.leaver.ds100Device);
  ctx.ds100Credentials.push(
    ds100Record(rnd, people.leaver.ds100Device, people.leaver.ds100Credential, marcus, "Enabled"),
  );
  profile(marcus.id, { identitySource: ACTIVE_DIRECTORY });

  // New hire: created two days ago, synced since, never signed in, nothing assigned.
  const aiko = addUser(people.newHire);
  profile(aiko.id, {
    identitySource: ACTIVE_DIRECTORY,
    creationDate: iso(today - 2 * DAY_MS + 8 * HOUR_MS + 14 * 60_000),
    lastSyncTime: iso(today - 2 * HOUR_MS),
    monthLastAuthenticated: null,
    lastSuccessfulAuthenticationMethod: undefined,
    lastSuccessfulAuthenticationDate: undefined,
  });

  // Locked out: too many wrong tokencodes and SMS codes.
  const raj = addUser(people.lockedOut);
  addSid(people.lockedOut.sidToken, raj.id, "Activated", "Enabled", { pinSet: true });
  profile(raj.id, {
    identitySource: ACTIVE_DIRECTORY,
    userStatus: "Enabled",
    isTokenLocked: true,
    isSmsLocked: true,
    smsNumber: "+12125550147",
  });

  // Travelling: token disabled yesterday, emergency access code valid until two days from now.
  const oscar = addUser(people.travelling);
  const yesterday = today - DAY_MS + 9 * HOUR_MS + 30 * 60_000;
  addSid(people.travelling.sidToken, oscar.id, "Activated", "Disabled", {
    tokenStatusChangedAt: iso(yesterday),
    tokenStatusChangedBy: SEED_ADMIN,
    updatedAt: iso(yesterday),
  });
  const codeExpires = iso(today + 2 * DAY_MS + 9 * HOUR_MS + 30 * 60_000);
  story.emergencyCodes.push({
    id: people.travelling.emergencyTokencodeId,
    userId: oscar.id,
    expirationDate: codeExpires,
    offlineExpirationDate: codeExpires,
    oneTimeUse: false,
  });
  profile(oscar.id, { identitySource: ACTIVE_DIRECTORY, voiceNumber: "+14155550112" });

  // A phone with the RSA Authenticator app and a FIDO key, no hardware token.
  const camille = addUser(people.phoneAndFido);
  const phoneAt = iso(Date.UTC(2024, 8, 3, 8, 41, 12, 305));
  story.mobileDevices.push({
    id: people.phoneAndFido.phoneId,
    name: "Camille's iPhone",
    userId: camille.id,
    deviceType: "iOS",
    registeredDate: phoneAt,
    updatedAt: phoneAt,
    status: "Enabled",
  });
  const keyAt = iso(Date.UTC(2025, 1, 17, 14, 5, 48, 911));
  story.fidoTokens.push({
    id: people.phoneAndFido.fidoId,
    name: "YubiKey 5C NFC",
    userId: camille.id,
    deviceType: "FIDO",
    registeredDate: keyAt,
    updatedAt: keyAt,
    status: "Enabled",
  });
  profile(camille.id, {
    smsNumber: "+33655501234",
    lastSuccessfulAuthenticationMethod: "Approve",
    lastSuccessfulAuthenticationDate: iso(today - DAY_MS + 7 * HOUR_MS + 52 * 60_000),
  });

  // The Janes (and an underscore), for the search.
  const jane = addUser(people.janeDoe);
  addSid(people.janeDoe.sidToken, jane.id, "Activated", "Enabled", { name: "Primary token" });
  profile(jane.id, { identitySource: ACTIVE_DIRECTORY, smsNumber: "+12125550163" });
  const jane2 = addUser(people.janeDoe2);
  profile(jane2.id, { identitySource: CLOUD_DIRECTORY });
  const janet = addUser(people.janetDow);
  addSid(people.janetDow.sidToken, janet.id, "Activation Pending", "Enabled");
  profile(janet.id, { identitySource: ACTIVE_DIRECTORY });
  const maryJane = addUser(people.maryJane);
  profile(maryJane.id, { smsNumber: "+353855501290" });
  addUser(people.underscore);
  for (const contractor of SEED_EXAMPLES.search.multiPage.users) {
    const user = addUser(contractor);
    profile(user.id, { identitySource: CLOUD_DIRECTORY });
  }

  // Spare tokens to assign.
  for (const serial of SEED_EXAMPLES.unassignedSpares) addSid(serial, null, "Unassigned", "Enabled");

  return story;
}
