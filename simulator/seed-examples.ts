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
} as const;
