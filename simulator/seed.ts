import type { Ds100Credential, SidToken, TenantData, TenantUser, TokenState, TokenStatus } from "./records";
import { SEED_EXAMPLES } from "./seed-examples";
import { applyProfiles } from "./seed-profiles";
import { DAY_MS, iso, Random } from "./seed-random";
import { ds100Record, sidRecord, userFromEmail } from "./seed-records";
import { addStory } from "./seed-story";

/**
 * The seeded tenant: the vendor's own examples verbatim, the named examples of
 * SEED_EXAMPLES, and a realistic population around them.
 *
 * Deterministic: a fixed-seed PRNG drives every choice, so two starts give
 * identical records (tests and screenshots can rely on them). Dates are fixed
 * past instants except expiry dates, which must stay "expired", "expiring
 * soon" or "valid" whenever the demo runs; those are counted in whole days
 * from the start of the current UTC day, so they are also stable within a day.
 */

const PRNG_SEED = 0x5eed_700;
const POPULATION_USERS = 300;
const POPULATION_SID_TOKENS = 600;
const POPULATION_DS100_DEVICES = 58; // + the two example devices = 60
/** Population users get at most this many assigned tokens, well below the limit of five. */
const POPULATION_MAX_TOKENS_PER_USER = 3;

// prettier-ignore
const FIRST_NAMES = [
  "Aaron", "Abigail", "Adam", "Aisha", "Alan", "Amelia", "Andrea", "Anna", "Arjun", "Beatriz",
  "Carlos", "Caroline", "Chen", "Claire", "Daniela", "Diego", "Dmitri", "Elif", "Emily", "Eric",
  "Fatima", "Fiona", "Gabriel", "George", "Hannah", "Hugo", "Ines", "Ivan", "James", "Jasmine",
  "Julia", "Karim", "Kate", "Lars", "Laura", "Leo", "Lucia", "Mark", "Mei", "Mohammed",
  "Nadia", "Nathan", "Nora", "Oliver", "Olivia", "Omar", "Paul", "Rachel", "Rahul", "Rosa",
  "Samuel", "Sara", "Sean", "Tariq", "Valentina", "Victor", "Wei", "William", "Yara", "Zoe",
] as const;

// prettier-ignore
const LAST_NAMES = [
  "Adams", "Ahmed", "Alvarez", "Andersen", "Bakker", "Baptiste", "Bennett", "Brown", "Castro", "Chang",
  "Clarke", "Costa", "Dubois", "Edwards", "Eriksson", "Fischer", "Garcia", "Gonzalez", "Gupta", "Hall",
  "Hansen", "Hughes", "Ivanova", "Jensen", "Johnson", "Kowalski", "Kumar", "Larsen", "Lee", "Lopez",
  "Martin", "Meyer", "Mitchell", "Moreno", "Muller", "Nakamura", "Nielsen", "OBrien", "Patel", "Perez",
  "Petrov", "Quinn", "Reyes", "Richter", "Robinson", "Russo", "Sato", "Silva", "Singh", "Smith",
  "Sullivan", "Svensson", "Taylor", "Thompson", "Turner", "Vargas", "Weber", "Williams", "Yilmaz", "Zhang",
] as const;

/** The vendor page's SID700 example, verbatim. */
function vendorSidExample(): SidToken {
  return {
    deviceType: "SID700",
    tokenStatus: "Enabled",
    assignedBy: null,
    registeredDate: null,
    assignedAt: null,
    tokenStatusChangedAt: null,
    userId: null,
    expiryDate: "2027-02-12T00:00:00.000Z",
    tokenSerialNumber: "000000200002",
    pinSet: false,
    name: null,
    id: "486177dd-5e3a-4094-a98f-9ee03f4ad0cd",
    tokenState: "Unassigned",
    tokenStatusChangedBy: null,
    updatedAt: "2021-06-04T16:16:56.879Z",
  };
}

/** The vendor page's DS100 example, verbatim. */
function vendorDs100Example(): Ds100Credential {
  return {
    id: "d4f8b2e7-f6e4-e102-bb28-ee0b5d37c2f2",
    name: "dak-br03-ngx-01",
    userId: "26c1e3d6-b31c-803e-cf7f-bdbe7687a72b",
    deviceType: "SecurID DS100",
    registeredDate: "2022-06-08T07:58:13.432Z",
    tokenSerialNumber: "014010008035",
    updatedAt: "2022-06-08T09:47:50.496Z",
    tokenState: "Activated",
    expiryDate: null,
    tokenStatus: "Disabled",
    tokenStatusReason: null,
    assignedAt: "2022-06-08T07:58:13.432Z",
    assignedBy: "user3@pelab.com",
    pinSet: true,
    tokenStatusChangedAt: "2022-06-08T09:47:50.493Z",
    tokenStatusChangedBy: "jschmoe@dak-br03-ngx-01.com",
    deviceSerialNumber: "140100080",
  };
}

/** Builds the whole tenant. `now` only anchors expiry dates (to the start of its UTC day). */
export function seedTenant(now: number): TenantData {
  const rnd = new Random(PRNG_SEED);
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const inDays = (days: number) => iso(today + days * DAY_MS);
  const validExpiry = () => inDays(rnd.int(60, 1800));

  const users: TenantUser[] = [];
  const sidTokens: SidToken[] = [];
  const ds100Credentials: Ds100Credential[] = [];
  const usedSerials = new Set<string>();
  const usedEmails = new Set<string>();
  const addUser = (user: TenantUser) => {
    users.push(user);
    usedEmails.add(user.emailAddress);
    return user;
  };
  const addSid = (token: SidToken) => {
    sidTokens.push(token);
    usedSerials.add(token.tokenSerialNumber);
  };

  // ---- the examples (fixed serials and ids) --------------------------------
  const ex = SEED_EXAMPLES;
  addSid(vendorSidExample());

  const owner = (
    key: "assignedEnabledActivated" | "assignedDisabled" | "activationPending" | "expiringSoon" | "expired",
  ) => addUser(userFromEmail(ex.userIds[key], ex.userEmails[key])).id;
  addSid(
    sidRecord(rnd, {
      serial: ex.assignedEnabledActivated,
      state: "Activated",
      status: "Enabled",
      userId: owner("assignedEnabledActivated"),
      expiryDate: validExpiry(),
    }),
  );
  addSid(
    sidRecord(rnd, {
      serial: ex.assignedDisabled,
      state: "Activated",
      status: "Disabled",
      userId: owner("assignedDisabled"),
      expiryDate: validExpiry(),
    }),
  );
  addSid(
    sidRecord(rnd, {
      serial: ex.activationPending,
      state: "Activation Pending",
      status: "Enabled",
      userId: owner("activationPending"),
      expiryDate: validExpiry(),
    }),
  );
  addSid(
    sidRecord(rnd, {
      serial: ex.unassignedDisabled,
      state: "Unassigned",
      status: "Disabled",
      userId: null,
      expiryDate: validExpiry(),
    }),
  );
  addSid(
    sidRecord(rnd, {
      serial: ex.expiringSoon,
      state: "Activated",
      status: "Enabled",
      userId: owner("expiringSoon"),
      expiryDate: inDays(14),
    }),
  );
  addSid(
    sidRecord(rnd, {
      serial: ex.expired,
      state: "Activated",
      status: "Enabled",
      userId: owner("expired"),
      expiryDate: inDays(-20),
    }),
  );
  addSid(
    sidRecord(rnd, {
      serial: ex.unassignedSpare,
      state: "Unassigned",
      status: "Enabled",
      userId: null,
      expiryDate: validExpiry(),
    }),
  );

  ex.assignedEnabledSpares.forEach((serial, i) => {
    const userId = ex.userIds.assignedEnabledSpares[i]!;
    addUser(userFromEmail(userId, ex.userEmails.assignedEnabledSpares[i]!));
    addSid(sidRecord(rnd, { serial, state: "Activated", status: "Enabled", userId, expiryDate: validExpiry() }));
  });

  // A user at the limit: five active tokens (mixed activation states), plus a disabled one.
  const limitUser = addUser(userFromEmail(ex.userAtTokenLimit, ex.userEmails.userAtTokenLimit)).id;
  for (let i = 1; i <= 5; i++) {
    const state: TokenState = i <= 3 ? "Activated" : "Activation Pending";
    addSid(
      sidRecord(rnd, {
        serial: `00000030011${i}`,
        state,
        status: "Enabled",
        userId: limitUser,
        expiryDate: validExpiry(),
      }),
    );
  }
  addSid(
    sidRecord(rnd, {
      serial: "000000300116",
      state: "Activated",
      status: "Disabled",
      userId: limitUser,
      expiryDate: validExpiry(),
    }),
  );

  // The vendor's DS100 and its user, and a DS100 whose credentials are all Enabled.
  addUser(userFromEmail(ex.ds100User, ex.userEmails.ds100Device, ["User", "Three"]));
  ds100Credentials.push(vendorDs100Example());
  const ds100Owner = addUser(userFromEmail(ex.userIds.ds100EnabledDevice, ex.userEmails.ds100EnabledDevice));
  for (const suffix of ["01", "02"]) {
    ds100Credentials.push(
      ds100Record(rnd, ex.ds100EnabledDevice, `0${ex.ds100EnabledDevice}${suffix}`, ds100Owner, "Enabled"),
    );
  }
  const usedDevices = new Set<string>([ex.ds100Device, ex.ds100EnabledDevice]);
  const exampleUserIds = new Set(users.map((u) => u.id));

  // ---- the population ----------------------------------------------------------
  const population: TenantUser[] = [];
  while (population.length < POPULATION_USERS) {
    const first = rnd.pick(FIRST_NAMES);
    const last = rnd.pick(LAST_NAMES);
    const email = `${first}.${last}@example.com`.toLowerCase();
    if (usedEmails.has(email)) continue;
    const user = userFromEmail(rnd.uuid(), email, [first, last]);
    if (exampleUserIds.has(user.id)) continue;
    population.push(addUser(user));
  }

  // Every status × state combination, unassigned tokens included (REFERENCE.md "things that trip" 1).
  const combos: [TokenState, TokenStatus][] = [
    ["Unassigned", "Enabled"],
    ["Unassigned", "Disabled"],
    ["Activation Pending", "Enabled"],
    ["Activation Pending", "Disabled"],
    ["Activated", "Enabled"],
    ["Activated", "Disabled"],
  ];
  const assignedCount = new Map<string, number>();
  const pickOwner = (): string => {
    for (;;) {
      const user = rnd.pick(population);
      const count = assignedCount.get(user.id) ?? 0;
      if (count < POPULATION_MAX_TOKENS_PER_USER) {
        assignedCount.set(user.id, count + 1);
        return user.id;
      }
    }
  };
  for (let i = 0; i < POPULATION_SID_TOKENS; i++) {
    let serial: string;
    do serial = `000${rnd.int(100_000_000, 999_999_999)}`;
    while (usedSerials.has(serial));
    // The first tokens walk through every combination; the rest follow a realistic mix.
    const roll = rnd.float();
    const [state, status]: [TokenState, TokenStatus] = combos[i] ?? [
      roll < 0.35 ? "Unassigned" : roll < 0.5 ? "Activation Pending" : "Activated",
      rnd.chance(0.8) ? "Enabled" : "Disabled",
    ];
    const expiryRoll = rnd.float();
    const expiryDate =
      expiryRoll < 0.06 ? inDays(-rnd.int(1, 400)) : expiryRoll < 0.12 ? inDays(rnd.int(1, 29)) : validExpiry();
    addSid(sidRecord(rnd, { serial, state, status, userId: state === "Unassigned" ? null : pickOwner(), expiryDate }));
  }

  // DS100 devices: each registered to one population user, with one or two credentials.
  const ds100Owners = new Set<string>();
  for (let i = 0; i < POPULATION_DS100_DEVICES; i++) {
    let device: string;
    do device = `14${rnd.digits(7)}`;
    while (usedDevices.has(device));
    usedDevices.add(device);
    let user: TenantUser;
    do user = rnd.pick(population);
    while (ds100Owners.has(user.id));
    ds100Owners.add(user.id);
    const status: TokenStatus = rnd.chance(0.8) ? "Enabled" : "Disabled";
    const suffixes = rnd.chance(0.3) ? ["35", "36"] : ["35"];
    for (const suffix of suffixes) ds100Credentials.push(ds100Record(rnd, device, `0${device}${suffix}`, user, status));
  }

  // ---- the story, then every user's profile (own PRNG streams: nothing above shifts) ----
  const story = addStory({ today, users, sidTokens, ds100Credentials, usedSerials, usedEmails, usedDevices });
  const populationIds = new Set(population.map((u) => u.id));
  const named = new Set(users.filter((u) => !populationIds.has(u.id)).map((u) => u.id));
  const devices = applyProfiles(users, { today, named, overrides: story.profiles, withDevices: population });

  return {
    users,
    sidTokens,
    ds100Credentials,
    mobileDevices: [...devices.mobileDevices, ...story.mobileDevices],
    fidoTokens: [...devices.fidoTokens, ...story.fidoTokens],
    emergencyCodes: story.emergencyCodes,
  };
}
