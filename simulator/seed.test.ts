import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ACTIVE_SID_TOKENS, SEED_EXAMPLES, startSimulator, type RunningSimulator, type SidToken } from "./index";
import { call, legacyJwt, newKeyDir } from "./test-support";

/** The seed: deterministic, every SEED_EXAMPLES entry in exactly its situation, a realistic population. */

const DAY = 24 * 3600 * 1000;
const ex = SEED_EXAMPLES;
// A fixed clock, so "expiring soon" and "expired" are judged against the seed's own day.
const NOW = Date.UTC(2026, 2, 15, 10, 30);

let sim: RunningSimulator;
let keyDir: string;
beforeAll(async () => {
  keyDir = await newKeyDir();
  sim = await startSimulator({ port: 0, keyDir, now: () => NOW });
});
afterAll(() => sim.close());

const token = (serial: string): SidToken => {
  const t = sim.model.sidToken(serial);
  if (!t) throw new Error(`missing ${serial}`);
  return t;
};

describe("determinism", () => {
  it("two starts give identical records, over HTTP too", async () => {
    const again = await startSimulator({ port: 0, keyDir, now: () => NOW + 120_000 }); // later the same day
    try {
      expect(again.model.allSidTokens()).toEqual(sim.model.allSidTokens());
      expect(again.model.allUsers()).toEqual(sim.model.allUsers());
      expect(again.model.allDs100Credentials()).toEqual(sim.model.allDs100Credentials());
      // Over HTTP (tokens signed for the simulators' fixed clock), a few records from all over the seed.
      const nowSeconds = Math.floor(NOW / 1000);
      for (const serial of sim.model
        .allSidTokens()
        .filter((_, i) => i % 97 === 0)
        .map((t) => t.tokenSerialNumber)) {
        const ask = async (s: RunningSimulator) =>
          (
            await call(
              s,
              "POST",
              "/v1/sidTokens/lookup",
              { tokenSerialNumber: serial },
              { token: await legacyJwt(s, { nowSeconds }) },
            )
          ).text;
        const [a, b] = [await ask(sim), await ask(again)];
        expect(JSON.parse(a)).toMatchObject({ tokenSerialNumber: serial });
        expect(b).toBe(a);
      }
    } finally {
      await again.close();
    }
  });

  it("reset() brings back exactly the seed", async () => {
    const seeded = sim.model.allSidTokens();
    sim.model.arrange(ex.assignedDisabled, { tokenStatus: "Enabled" });
    expect(sim.model.allSidTokens()).not.toEqual(seeded);
    sim.reset();
    expect(sim.model.allSidTokens()).toEqual(seeded);
  });
});

describe("SEED_EXAMPLES", () => {
  it("has exactly the agreed keys", () => {
    expect(Object.keys(ex).sort()).toEqual(
      [
        "unassignedEnabled",
        "assignedEnabledActivated",
        "assignedDisabled",
        "activationPending",
        "unassignedDisabled",
        "expiringSoon",
        "expired",
        "ds100Device",
        "ds100Credential",
        "ds100User",
        "ds100EnabledDevice",
        "assignedEnabledSpares",
        "userAtTokenLimit",
        "unassignedSpare",
        "userIds",
        "userEmails",
        "unassignedSpares",
        "users",
        "search",
      ].sort(),
    );
    expect(ex.unassignedEnabled).toBe("000000200002");
    expect(ex.ds100Device).toBe("140100080");
    expect(ex.ds100Credential).toBe("014010008035");
    expect(ex.ds100User).toBe("26c1e3d6-b31c-803e-cf7f-bdbe7687a72b");
  });

  it("never shares a token or an owner between two examples", () => {
    const serials = [
      ex.unassignedEnabled,
      ex.assignedEnabledActivated,
      ex.assignedDisabled,
      ex.activationPending,
      ex.unassignedDisabled,
      ex.expiringSoon,
      ex.expired,
      ex.unassignedSpare,
      ...ex.assignedEnabledSpares,
      ...ex.unassignedSpares,
      ...Object.values(ex.users).flatMap((u) => ("sidToken" in u ? [u.sidToken] : [])),
      ex.users.leaver.ds100Credential,
    ];
    expect(new Set(serials).size).toBe(serials.length);
    const devices = [ex.ds100Device, ex.ds100EnabledDevice, ex.users.leaver.ds100Device];
    expect(new Set(devices).size).toBe(devices.length);
    const owners = [
      ex.userIds.assignedEnabledActivated,
      ex.userIds.assignedDisabled,
      ex.userIds.activationPending,
      ex.userIds.expiringSoon,
      ex.userIds.expired,
      ex.userIds.ds100EnabledDevice,
      ex.ds100User,
      ex.userAtTokenLimit,
      ...ex.userIds.assignedEnabledSpares,
      ...Object.values(ex.users).map((u) => u.id),
      ...ex.search.multiPage.users.map((u) => u.id),
    ];
    expect(new Set(owners).size).toBe(owners.length);
    for (const serial of serials) expect(serial).toMatch(/^\d{12}$/);
    const emails = [
      ...Object.values(ex.userEmails).flat(),
      ...Object.values(ex.users).map((u) => u.email),
      ...ex.search.multiPage.users.map((u) => u.email),
    ];
    expect(new Set(emails).size).toBe(emails.length);
  });

  it("puts each SID700 example in exactly its situation", () => {
    expect(token(ex.unassignedEnabled)).toMatchObject({
      userId: null,
      tokenState: "Unassigned",
      tokenStatus: "Enabled",
    });
    expect(token(ex.assignedEnabledActivated)).toMatchObject({
      userId: ex.userIds.assignedEnabledActivated,
      tokenState: "Activated",
      tokenStatus: "Enabled",
    });
    expect(token(ex.assignedDisabled)).toMatchObject({
      userId: ex.userIds.assignedDisabled,
      tokenState: "Activated",
      tokenStatus: "Disabled",
    });
    expect(token(ex.activationPending)).toMatchObject({
      userId: ex.userIds.activationPending,
      tokenState: "Activation Pending",
      tokenStatus: "Enabled",
    });
    expect(token(ex.unassignedDisabled)).toMatchObject({
      userId: null,
      tokenState: "Unassigned",
      tokenStatus: "Disabled",
    });
    expect(token(ex.unassignedSpare)).toMatchObject({ userId: null, tokenState: "Unassigned", tokenStatus: "Enabled" });

    const soon = token(ex.expiringSoon);
    expect(soon.userId).toBe(ex.userIds.expiringSoon);
    expect(Date.parse(soon.expiryDate!) - NOW).toBeGreaterThan(0);
    expect(Date.parse(soon.expiryDate!) - NOW).toBeLessThan(30 * DAY);
    const expired = token(ex.expired);
    expect(expired.userId).toBe(ex.userIds.expired);
    expect(Date.parse(expired.expiryDate!)).toBeLessThan(NOW);
    // The others are comfortably valid.
    for (const serial of [
      ex.assignedEnabledActivated,
      ex.assignedDisabled,
      ex.activationPending,
      ...ex.assignedEnabledSpares,
    ])
      expect(Date.parse(token(serial).expiryDate!) - NOW).toBeGreaterThan(30 * DAY);
  });

  it("gives each assigned example owner only that one token, and matching e-mails", () => {
    const keys = [
      "assignedEnabledActivated",
      "assignedDisabled",
      "activationPending",
      "expiringSoon",
      "expired",
    ] as const;
    for (const key of keys) {
      expect(sim.model.sidTokensOf(ex.userIds[key]).map((t) => t.tokenSerialNumber)).toEqual([ex[key]]);
      expect(sim.model.userByEmail(ex.userEmails[key])?.id).toBe(ex.userIds[key]);
    }
    expect(sim.model.userByEmail(ex.userEmails.userAtTokenLimit)?.id).toBe(ex.userAtTokenLimit);
    expect(sim.model.userByEmail(ex.userEmails.ds100Device)?.id).toBe(ex.ds100User);
  });

  it("has ten spares, each assigned+Activated+Enabled to a different user holding nothing else", () => {
    expect(ex.assignedEnabledSpares).toHaveLength(10);
    ex.assignedEnabledSpares.forEach((serial, i) => {
      const owner = ex.userIds.assignedEnabledSpares[i]!;
      expect(token(serial)).toMatchObject({ userId: owner, tokenState: "Activated", tokenStatus: "Enabled" });
      expect(sim.model.sidTokensOf(owner)).toHaveLength(1);
      expect(sim.model.allDs100Credentials().some((c) => c.userId === owner)).toBe(false);
      expect(sim.model.userByEmail(ex.userEmails.assignedEnabledSpares[i]!)?.id).toBe(owner);
    });
  });

  it("has a user at exactly five active tokens", () => {
    expect(sim.model.activeSidTokenCount(ex.userAtTokenLimit)).toBe(MAX_ACTIVE_SID_TOKENS);
  });

  it("has the vendor's DS100 and a device whose credentials are all Enabled and Activated", () => {
    expect(sim.model.ds100Device(ex.ds100Device).map((c) => c.tokenSerialNumber)).toEqual([ex.ds100Credential]);
    expect(sim.model.ds100Credential(ex.ds100Credential)).toMatchObject({
      userId: ex.ds100User,
      tokenState: "Activated",
      tokenStatus: "Disabled",
    });
    expect(sim.model.user(ex.ds100User)).toBeDefined();
    const enabled = sim.model.ds100Device(ex.ds100EnabledDevice);
    expect(ex.ds100EnabledDevice).toMatch(/^\d{9}$/);
    expect(enabled.length).toBeGreaterThanOrEqual(1);
    for (const c of enabled)
      expect(c).toMatchObject({
        userId: ex.userIds.ds100EnabledDevice,
        tokenState: "Activated",
        tokenStatus: "Enabled",
      });
  });
});

describe('the story (README, "The story")', () => {
  const people = ex.users;
  const holdings = (userId: string) => ({
    sid: sim.model.sidTokensOf(userId),
    ds100: sim.model.allDs100Credentials().filter((c) => c.userId === userId),
    phones: sim.model.mobileDevicesOf(userId),
    fido: sim.model.fidoTokensOf(userId),
  });

  it("gives every story person the id, e-mail and names of SEED_EXAMPLES", () => {
    for (const person of [...Object.values(people), ...ex.search.multiPage.users]) {
      const user = sim.model.user(person.id);
      expect(user, person.email).toMatchObject({
        emailAddress: person.email,
        firstName: person.firstName,
        lastName: person.lastName,
      });
      expect(sim.model.userByEmail(person.email)?.id).toBe(person.id);
    }
  });

  it("forgottenPin: one Activated, Enabled SID700 whose PIN is set, nothing else", () => {
    const h = holdings(people.forgottenPin.id);
    expect(h.sid).toEqual([
      expect.objectContaining({
        tokenSerialNumber: people.forgottenPin.sidToken,
        tokenState: "Activated",
        tokenStatus: "Enabled",
        pinSet: true,
      }),
    ]);
    expect([...h.ds100, ...h.phones, ...h.fido]).toEqual([]);
  });

  it("leaver: an active SID700 and an active DS100", () => {
    const h = holdings(people.leaver.id);
    expect(h.sid).toEqual([
      expect.objectContaining({
        tokenSerialNumber: people.leaver.sidToken,
        tokenState: "Activated",
        tokenStatus: "Enabled",
      }),
    ]);
    expect(h.ds100).toEqual([
      expect.objectContaining({
        deviceSerialNumber: people.leaver.ds100Device,
        tokenSerialNumber: people.leaver.ds100Credential,
        tokenState: "Activated",
        tokenStatus: "Enabled",
      }),
    ]);
    expect(sim.model.user(people.leaver.id)?.userStatus).toBe("Enabled");
  });

  it("newHire: created two days before the seed day, never signed in, no authenticator at all", () => {
    const h = holdings(people.newHire.id);
    expect([...h.sid, ...h.ds100, ...h.phones, ...h.fido]).toEqual([]);
    const user = sim.model.user(people.newHire.id)!;
    expect(NOW - Date.parse(user.creationDate)).toBeGreaterThan(DAY);
    expect(NOW - Date.parse(user.creationDate)).toBeLessThan(3 * DAY);
    expect(user.monthLastAuthenticated).toBeNull();
  });

  it("lockedOut: token and SMS locked, one active SID700", () => {
    expect(sim.model.user(people.lockedOut.id)).toMatchObject({
      isTokenLocked: true,
      isSmsLocked: true,
      userStatus: "Enabled",
    });
    expect(holdings(people.lockedOut.id).sid).toEqual([
      expect.objectContaining({ tokenSerialNumber: people.lockedOut.sidToken, tokenStatus: "Enabled" }),
    ]);
  });

  it("travelling: the SID700 disabled the day before, an emergency access code ACTIVE for two more days", () => {
    const token = holdings(people.travelling.id).sid;
    expect(token).toEqual([
      expect.objectContaining({ tokenSerialNumber: people.travelling.sidToken, tokenStatus: "Disabled" }),
    ]);
    expect(NOW - Date.parse(token[0]!.tokenStatusChangedAt!)).toBeLessThan(2 * DAY);
    const user = sim.model.user(people.travelling.id)!;
    expect(user.emergencyAccessStatus).toBe("ACTIVE");
    expect(Date.parse(user.emergencyTokencodeExpiration!) - NOW).toBeGreaterThan(DAY);
    expect(sim.model.emergencyCodeOf(people.travelling.id)?.id).toBe(people.travelling.emergencyTokencodeId);
  });

  it("phoneAndFido: one phone and one FIDO key, no hardware token", () => {
    const h = holdings(people.phoneAndFido.id);
    expect(h.phones.map((p) => p.id)).toEqual([people.phoneAndFido.phoneId]);
    expect(h.fido.map((f) => f.id)).toEqual([people.phoneAndFido.fidoId]);
    expect([...h.sid, ...h.ds100]).toEqual([]);
  });

  it("the Janes: Jane Doe with an active SID700, a second Jane Doe with none, Janet Dow pending", () => {
    expect(holdings(people.janeDoe.id).sid).toEqual([
      expect.objectContaining({ tokenSerialNumber: people.janeDoe.sidToken, tokenState: "Activated" }),
    ]);
    expect(holdings(people.janeDoe2.id).sid).toEqual([]);
    expect(holdings(people.janetDow.id).sid).toEqual([
      expect.objectContaining({ tokenSerialNumber: people.janetDow.sidToken, tokenState: "Activation Pending" }),
    ]);
  });

  it("the search examples find exactly what they promise", () => {
    expect(sim.model.searchUsers(ex.search.jane.term, 100, 0).map((u) => u.emailAddress)).toEqual(
      ex.search.jane.emails,
    );
    const contractors = sim.model.searchUsers(ex.search.multiPage.term, 100, 0).map((u) => u.emailAddress);
    expect(contractors).toEqual(ex.search.multiPage.users.map((u) => u.email));
    expect(contractors.length).toBeGreaterThan(10);
  });

  it("unassignedSpares: Unassigned and Enabled", () => {
    expect(ex.unassignedSpares.length).toBeGreaterThanOrEqual(3);
    for (const serial of ex.unassignedSpares)
      expect(token(serial)).toMatchObject({ userId: null, tokenState: "Unassigned", tokenStatus: "Enabled" });
  });

  it("the expired-token user and the user at the limit keep their situations", () => {
    expect(Date.parse(token(ex.expired).expiryDate!)).toBeLessThan(NOW);
    expect(sim.model.activeSidTokenCount(ex.userAtTokenLimit)).toBe(MAX_ACTIVE_SID_TOKENS);
  });

  it("named users have no random trouble: Enabled, not deleted, nothing locked but the locked-out user's", () => {
    const ids = [
      ...Object.values(ex.userIds).flat(),
      ex.userAtTokenLimit,
      ...Object.values(people).map((u) => u.id),
      ...ex.search.multiPage.users.map((u) => u.id),
    ];
    const named = ids.map((id) => sim.model.user(id)!);
    expect(named.length).toBeGreaterThan(40);
    for (const user of named) {
      if (user.id === people.lockedOut.id) continue;
      expect(user, user.emailAddress).toMatchObject({
        userStatus: "Enabled",
        markDeleted: false,
        highRiskUser: false,
        isTokenLocked: false,
        isSmsLocked: false,
        isVoiceLocked: false,
        isFingerprintLocked: false,
        isApproveLocked: false,
      });
    }
  });

  it("the population has some trouble too: disabled, locked and high-risk users", () => {
    const users = sim.model.allUsers();
    expect(users.some((u) => u.userStatus === "Disabled")).toBe(true);
    expect(users.filter((u) => u.isTokenLocked).length).toBeGreaterThan(1);
    expect(users.some((u) => u.identitySource === "Cloud Directory")).toBe(true);
    expect(users.some((u) => u.identitySource === "Active Directory (corp.example)")).toBe(true);
  });
});

describe("the population", () => {
  it("has about 300 users with realistic unique e-mails and UUID ids", () => {
    const users = sim.model.allUsers();
    expect(users.length).toBeGreaterThanOrEqual(300);
    expect(new Set(users.map((u) => u.id)).size).toBe(users.length);
    expect(new Set(users.map((u) => u.emailAddress)).size).toBe(users.length);
    for (const u of users) expect(u.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const firstLast = users.filter((u) => u.emailAddress === `${u.firstName}.${u.lastName}@example.com`.toLowerCase());
    expect(firstLast.length).toBeGreaterThanOrEqual(300);
  });

  it("has about 600 SID700 tokens in every status × state combination, some expiring soon, some expired", () => {
    const tokens = sim.model.allSidTokens();
    expect(tokens.length).toBeGreaterThanOrEqual(600);
    expect(new Set(tokens.map((t) => t.tokenSerialNumber)).size).toBe(tokens.length);
    for (const t of tokens) {
      expect(t.tokenSerialNumber).toMatch(/^\d{12}$/);
      expect(t.userId === null).toBe(t.tokenState === "Unassigned");
      expect(t.assignedAt === null).toBe(t.userId === null);
      expect(Object.keys(t)).toHaveLength(15);
    }
    const combos = new Set(tokens.map((t) => `${t.tokenState}/${t.tokenStatus}`));
    expect(combos.size).toBe(6);
    const expiry = tokens.map((t) => Date.parse(t.expiryDate!) - NOW);
    expect(expiry.filter((ms) => ms > 0 && ms < 30 * DAY).length).toBeGreaterThan(10);
    expect(expiry.filter((ms) => ms < 0).length).toBeGreaterThan(10);
  });

  it("gives no user more than five active tokens", () => {
    for (const user of sim.model.allUsers())
      expect(sim.model.activeSidTokenCount(user.id)).toBeLessThanOrEqual(MAX_ACTIVE_SID_TOKENS);
  });

  it("has about 60 DS100 devices with one or two credentials each, serials 9 and 12 digits", () => {
    const credentials = sim.model.allDs100Credentials();
    const devices = new Map<string, number>();
    for (const c of credentials) {
      devices.set(c.deviceSerialNumber, (devices.get(c.deviceSerialNumber) ?? 0) + 1);
      expect(c.deviceSerialNumber).toMatch(/^\d{9}$/);
      expect(c.tokenSerialNumber).toMatch(/^\d{12}$/);
      expect(sim.model.user(c.userId!)).toBeDefined();
    }
    expect(devices.size).toBe(61); // 58 in the population, the two examples, the leaver's
    for (const count of devices.values()) expect([1, 2]).toContain(count);
    const sidSerials = new Set(sim.model.allSidTokens().map((t) => t.tokenSerialNumber));
    expect(credentials.some((c) => sidSerials.has(c.tokenSerialNumber))).toBe(false);
  });
});
