/**
 * Named tokens and users of the seeded tenant, each in one known situation.
 *
 * Plain constants with no imports at all: browser-side test code (Playwright)
 * and unit tests import these to pick a token in the state they need, without
 * pulling in node APIs. seed.ts builds exactly these records; seed.test.ts
 * checks that every example is in the situation its name promises and that no
 * two examples share a token or an owner (a test that changes one example can
 * never disturb another).
 */

/** Owners of the assigned examples (fixed ids, never produced by the PRNG). */
const OWNERS = {
  assignedEnabledActivated: "4559d7cd-646e-4826-bd61-9e77735a9ccb",
  assignedDisabled: "f18ec96e-76b9-41ac-b002-753df9d35573",
  activationPending: "2731d9bc-01b4-48a1-9368-637e12c7f340",
  expiringSoon: "dbfcb98f-a7f3-4ab3-b7d1-fa99ddd56500",
  expired: "04d8268f-b8cb-426e-a142-bd789d346783",
  ds100EnabledDevice: "f61ba81e-8e6f-42de-952b-395fde30a382",
  ds100Device: "26c1e3d6-b31c-803e-cf7f-bdbe7687a72b",
} as const;

const SPARE_OWNERS = [
  "45c60d2c-c742-4886-918b-f102b2167186",
  "e8bb98c4-4f68-4b8c-96d7-268f88cba9e8",
  "95619b36-99ab-4a11-8bdd-2fa59fab268b",
  "516a5f38-8113-4c2d-9545-7da33a3cd0d5",
  "fabba612-6661-49e3-b285-f5fe8c3c1a91",
  "be2e59c4-13ae-4fd3-96d4-48045947396d",
  "53e58e67-925b-4c38-b7fe-5d398cc89fbd",
  "e0fcaaf2-9945-4015-9c89-059ffedda42b",
  "fc6bd560-e47f-43c4-9fce-9fd8aa718914",
  "4528905d-23c0-4c5e-9ac8-424ebfe58039",
] as const;

/**
 * The people of the demo story (README, "The story"), each in the situation
 * the name says. Fixed ids, e-mails and serials; names a person would have.
 */
const STORY_USERS = {
  /** One Activated, Enabled SID700 whose PIN is set: "I forgot my PIN" (clear PIN, call 7). */
  forgottenPin: {
    id: "d92f43eb-e1f5-4102-93c9-4056e24fd7eb",
    email: "lena.hoffmann@example.com",
    firstName: "Lena",
    lastName: "Hoffmann",
    sidToken: "000000300301",
  },
  /** Leaving the company: a SID700 and a DS100, both Enabled (disable, unassign). */
  leaver: {
    id: "b5e85fc0-f4dc-4fc7-a31c-ec6011254743",
    email: "marcus.reid@example.com",
    firstName: "Marcus",
    lastName: "Reid",
    sidToken: "000000300302",
    ds100Device: "140100090",
    ds100Credential: "014010009035",
  },
  /** Joined two days before the seed day; no authenticator at all yet (assign a spare). */
  newHire: {
    id: "e5ed66f1-126d-4d93-9c3b-eefc46f9224c",
    email: "aiko.yamamoto@example.com",
    firstName: "Aiko",
    lastName: "Yamamoto",
  },
  /** Locked out: isTokenLocked and isSmsLocked; one Activated, Enabled SID700. */
  lockedOut: {
    id: "b9d48e05-92f5-4736-9ae6-f65291cf3fa0",
    email: "raj.malhotra@example.com",
    firstName: "Raj",
    lastName: "Malhotra",
    sidToken: "000000300303",
  },
  /**
   * Lost his token travelling: the SID700 was disabled the day before the seed
   * day and an emergency access code is ACTIVE for two more days (cancel it, call 15).
   */
  travelling: {
    id: "893f5f94-d411-4140-9dbd-02ae2ef0c2ca",
    email: "oscar.lindgren@example.com",
    firstName: "Oscar",
    lastName: "Lindgren",
    sidToken: "000000300304",
    emergencyTokencodeId: "7c68038a-fc31-4b01-ab63-9e0f6a0aff8a",
  },
  /** An iPhone with the RSA Authenticator app and a FIDO key; no SID700 (call 12). */
  phoneAndFido: {
    id: "ec6988b9-c6f0-411d-8459-a2b6f18a7c61",
    email: "camille.laurent@example.com",
    firstName: "Camille",
    lastName: "Laurent",
    phoneId: "41e5b8cb-6563-4644-b03d-2bf3a7e9036a",
    fidoId: "1d895ecd-9b6f-4e2e-aba9-3d7465415e87",
  },
  /** Jane Doe, the caller; the search for "jane" also finds the three below. Activated, Enabled SID700. */
  janeDoe: {
    id: "dfceeff3-f728-4249-948c-48c99cc6f3a7",
    email: "jane.doe@example.com",
    firstName: "Jane",
    lastName: "Doe",
    sidToken: "000000300305",
  },
  /** Another Jane Doe (a contractor account in the cloud directory), no token: pick the right one. */
  janeDoe2: {
    id: "138e8e13-14eb-45ad-a846-e5d38792d9db",
    email: "jane.doe2@example.com",
    firstName: "Jane",
    lastName: "Doe",
  },
  /** Janet Dow: a SID700 still Activation Pending. */
  janetDow: {
    id: "56da8c50-d33e-4cf5-8b2b-04ea95f92954",
    email: "janet.dow@example.com",
    firstName: "Janet",
    lastName: "Dow",
    sidToken: "000000300306",
  },
  /** Mary-Jane O'Connor: "jane" in the middle of the e-mail, an apostrophe in the name; no token. */
  maryJane: {
    id: "bb9c50e0-5be3-4c70-b69e-207e09121575",
    email: "mary-jane.oconnor@example.com",
    firstName: "Mary-Jane",
    lastName: "O'Connor",
  },
  /** An underscore in the e-mail, for the literal-substring rule ("_" is no wildcard); no token. */
  underscore: {
    id: "68a5595d-261b-42ea-8038-f0787c2eb5b5",
    email: "j_doe@example.com",
    firstName: "John",
    lastName: "Doe",
  },
} as const;

/** Twelve contractors sharing a domain: a search that needs more than one page of ten. */
const CONTRACTORS = [
  ["eeffe895-bd09-4c37-8c84-eb595f42d90b", "adebayo.okonkwo@contractors.example.net", "Adebayo", "Okonkwo"],
  ["e2f528b0-a40f-48e2-93a6-b5116c5aeb97", "bianca.ferreira@contractors.example.net", "Bianca", "Ferreira"],
  ["88fd0178-a119-4157-909d-a6589d60919e", "connor.walsh@contractors.example.net", "Connor", "Walsh"],
  ["53ef0dc0-48bc-479d-99b8-a1d9f43e6773", "dagny.holm@contractors.example.net", "Dagny", "Holm"],
  ["24e71a08-d49d-4d23-aff2-b63854209bf4", "emeka.eze@contractors.example.net", "Emeka", "Eze"],
  ["7c8d2356-2d41-4186-9293-11cde1f97e31", "freya.lund@contractors.example.net", "Freya", "Lund"],
  ["ddc3e6e3-a0e5-4685-9db7-07fb28a54cd9", "goran.petrovic@contractors.example.net", "Goran", "Petrovic"],
  ["d15160d7-de56-4479-acef-12e8cf7985c0", "hana.kobayashi@contractors.example.net", "Hana", "Kobayashi"],
  ["681d7a4c-920d-4006-9e58-ec634b97c3dc", "ibrahim.diallo@contractors.example.net", "Ibrahim", "Diallo"],
  ["6f0a0305-65bd-4bad-85a2-5315a64c6153", "jonas.berg@contractors.example.net", "Jonas", "Berg"],
  ["2f574677-224f-4909-93b7-44eac53cbb5c", "kirsten.dahl@contractors.example.net", "Kirsten", "Dahl"],
  ["04dce80e-1d31-445b-8737-9ed09a194306", "luca.bianchi@contractors.example.net", "Luca", "Bianchi"],
] as const;

const SPARE_EMAILS = [
  "alice.moreau@example.com",
  "ben.carter@example.com",
  "chloe.nguyen@example.com",
  "david.kim@example.com",
  "emma.schulz@example.com",
  "felix.wagner@example.com",
  "grace.liu@example.com",
  "henry.walsh@example.com",
  "isla.murphy@example.com",
  "jack.novak@example.com",
] as const;

export const SEED_EXAMPLES = {
  /** The vendor page's own example, verbatim: unassigned yet Enabled. */
  unassignedEnabled: "000000200002",
  /** Assigned, Activated, Enabled: the everyday "lost token" case. */
  assignedEnabledActivated: "000000300101",
  /** Assigned, Activated, Disabled. */
  assignedDisabled: "000000300102",
  /** Assigned, Activation Pending, Enabled. */
  activationPending: "000000300103",
  /** Unassigned and Disabled. */
  unassignedDisabled: "000000300104",
  /** Assigned (Activated, Enabled), expires within 30 days of the seed day. */
  expiringSoon: "000000300105",
  /** Assigned (Activated, Enabled), expired before the seed day. */
  expired: "000000300106",
  /** The vendor page's DS100 device, verbatim (Activated, Disabled). */
  ds100Device: "140100080",
  /** Its 12-digit credential serial. */
  ds100Credential: "014010008035",
  /** The user the vendor's DS100 is registered to. */
  ds100User: OWNERS.ds100Device,
  /** A DS100 device whose credentials are all Enabled and Activated. */
  ds100EnabledDevice: "140100081",
  /** Ten assigned+Activated+Enabled tokens, each its owner's only token. */
  assignedEnabledSpares: [
    "000000300201",
    "000000300202",
    "000000300203",
    "000000300204",
    "000000300205",
    "000000300206",
    "000000300207",
    "000000300208",
    "000000300209",
    "000000300210",
  ],
  /** A user holding exactly five active (assigned + Enabled) SID700 tokens. */
  userAtTokenLimit: "1e45e325-708a-4cef-9112-27e2506c38e6",
  /** Unassigned and Enabled, used by no other example (safe to assign). */
  unassignedSpare: "000000300107",
  /** Owner ids of the assigned examples. */
  userIds: {
    assignedEnabledActivated: OWNERS.assignedEnabledActivated,
    assignedDisabled: OWNERS.assignedDisabled,
    activationPending: OWNERS.activationPending,
    expiringSoon: OWNERS.expiringSoon,
    expired: OWNERS.expired,
    ds100EnabledDevice: OWNERS.ds100EnabledDevice,
    ds100Device: OWNERS.ds100Device,
    assignedEnabledSpares: SPARE_OWNERS,
  },
  /** E-mail addresses of the same owners (for the user lookup call). */
  userEmails: {
    assignedEnabledActivated: "maria.santos@example.com",
    assignedDisabled: "tom.becker@example.com",
    activationPending: "priya.raman@example.com",
    expiringSoon: "daniel.okafor@example.com",
    expired: "sofia.lindqvist@example.com",
    ds100EnabledDevice: "elena.rossi@example.com",
    ds100Device: "user3@pelab.com",
    userAtTokenLimit: "hiroshi.tanaka@example.com",
    assignedEnabledSpares: SPARE_EMAILS,
  },
  /** Unassigned and Enabled SID700s for "assign" demos, used by no other example. */
  unassignedSpares: ["000000300401", "000000300402", "000000300403", "000000300404", "000000300405"],
  /** The people of the story (README, "The story"): id, email, names and what they hold. */
  users: STORY_USERS,
  /** Search terms for call 13 and exactly what they find (sorted by e-mail, as the answer is). */
  search: {
    /** Several matches on one page: "jane" is in four e-mails. */
    jane: {
      term: "jane",
      emails: [
        STORY_USERS.janeDoe2.email,
        STORY_USERS.janeDoe.email,
        STORY_USERS.janetDow.email,
        STORY_USERS.maryJane.email,
      ],
    },
    /** Twelve matches: two pages at the default page size of ten. */
    multiPage: {
      term: "@contractors.example.net",
      users: CONTRACTORS.map(([id, email, firstName, lastName]) => ({ id, email, firstName, lastName })),
    },
  },
} as const;
