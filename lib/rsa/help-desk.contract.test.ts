import { describe, expect, it } from "vitest";
import { CLIENT_KINDS, rsaFailure, simulatedTenant } from "@/lib/test-support/rsa-client-tenant";
import { describeRsaFailure } from "@/lib/tokens/rsa-messages";
import { SEED_EXAMPLES as S } from "@/simulator/index";

/** Calls 11-17 of REFERENCE.md: the rest of a help-desk call, for each kind of credential. */

const tenant = simulatedTenant();
const U = S.users;

/** Nothing reached the tenant while `fn` ran. */
async function notSent(fn: () => Promise<unknown>) {
  const before = tenant.sim().requestCount();
  const error = await rsaFailure(fn());
  expect(error).toMatchObject({ kind: "bad_request", nothingSent: true });
  expect(tenant.sim().requestCount()).toBe(before);
}

describe.each(CLIENT_KINDS)("help-desk calls (%s)", (kind) => {
  const client = () => tenant.client(kind);

  it("11. reads the whole user record, lockouts and emergency access included", async () => {
    const user = await client().lookupUserByEmail(U.lockedOut.email);
    expect(user).toMatchObject({
      id: U.lockedOut.id,
      emailAddress: U.lockedOut.email,
      firstName: "Raj",
      lastName: "Malhotra",
      isTokenLocked: true,
      isSmsLocked: true,
      userStatus: "Enabled",
      emergencyAccessStatus: "NONE",
    });
    expect(user.identitySource).toEqual(expect.any(String));
    expect(Array.isArray(user.globalGroups)).toBe(true);
    const travelling = await client().lookupUserByEmail(U.travelling.email);
    expect(travelling.emergencyAccessStatus).toBe("ACTIVE");
    expect(Date.parse(travelling.emergencyTokencodeExpiration!)).toBeGreaterThan(Date.now());
  });

  it("11. keeps a user status it does not know, as RSA sent it (informational)", async () => {
    tenant.sim().setFault({ kind: "odd-answer", oddity: ["unknown-status", "extra-fields"] });
    expect((await client().lookupUserByEmail(U.janeDoe.email)).userStatus).toBe("Suspended");
  });

  it("13. searches by a literal piece of the e-mail, sorted, a page at a time", async () => {
    const jane = await client().searchUsers(S.search.jane.term);
    expect(jane.users.map((u) => u.emailAddress)).toEqual(S.search.jane.emails);
    expect(jane).toMatchObject({ hiddenUsers: 0, pageNumber: 0, mayHaveMore: false });
    const term = S.search.multiPage.term;
    const first = await client().searchUsers(term, { pageSize: 10 });
    const second = await client().searchUsers(term, { pageSize: 10, pageNumber: 1 });
    expect(first).toMatchObject({ pageSize: 10, mayHaveMore: true });
    expect([...first.users, ...second.users].map((u) => u.id)).toEqual(S.search.multiPage.users.map((u) => u.id));
    expect(second.mayHaveMore).toBe(false);
    expect((await client().searchUsers("_doe@")).users.map((u) => u.emailAddress)).toEqual([U.underscore.email]);
  });

  it("13. hides users whose id it cannot read, and says how many", async () => {
    tenant.sim().setFault({ kind: "odd-answer", oddity: "empty-user-id" });
    expect(await client().searchUsers(S.search.jane.term)).toMatchObject({ users: [], hiddenUsers: 4 });
  });

  it("13. checks the search before sending it", async () => {
    await notSent(() => client().searchUsers("  "));
    await notSent(() => client().searchUsers("jane", { pageSize: 0 }));
    await notSent(() => client().searchUsers("jane", { pageSize: 101 }));
    await notSent(() => client().searchUsers("jane", { pageNumber: -1 }));
  });

  it("12. lists phones and FIDO keys for display, SID700s checked per record", async () => {
    const devices = await client().listUserDevices(U.phoneAndFido.id);
    expect(devices.devices).toEqual([expect.objectContaining({ id: U.phoneAndFido.phoneId, deviceType: "iOS" })]);
    expect(devices.fidoTokens).toEqual([expect.objectContaining({ id: U.phoneAndFido.fidoId, deviceType: "FIDO" })]);
    expect(devices.devices[0]!.registeredDate).toEqual(expect.any(String));
    expect(devices.sidTokens).toEqual([]);
    tenant.sim().setFault({ kind: "odd-answer", oddity: "empty-user-id" });
    const jane = await client().listUserDevices(U.janeDoe.id);
    expect(jane).toMatchObject({ sidTokens: [], hiddenSidTokens: 1 });
  });

  it("14./15. issues an emergency access code for 1 minute to 7 days, and cancels it", async () => {
    const user = U.newHire.id;
    const issued = await client().issueEmergencyAccessCode(user, {
      oneTimeUse: true,
      expiryUnit: "hours",
      expiryValue: 4,
    });
    expect(issued.emergencyTokencode).toMatch(/^\d{8}$/);
    expect(issued).toMatchObject({ oneTimeUse: true, configurationsLocked: false });
    expect(Date.parse(issued.expirationDate!) - Date.now()).toBeGreaterThan(3.9 * 3600_000);
    expect((await client().lookupUserByEmail(U.newHire.email)).emergencyAccessStatus).toBe("ACTIVE");
    await expect(client().cancelEmergencyAccessCode(user, issued.emergencyTokencodeId)).resolves.toBeUndefined();
    expect((await client().lookupUserByEmail(U.newHire.email)).emergencyAccessStatus).toBe("NONE");
    expect(await rsaFailure(client().cancelEmergencyAccessCode(user, issued.emergencyTokencodeId))).toMatchObject({
      kind: "not_found",
    });
    await expect(
      client().cancelEmergencyAccessCode(U.travelling.id, U.travelling.emergencyTokencodeId),
    ).resolves.toBeUndefined();
  });

  it("14. checks the duration (1 minute to 7 days) and the code id before sending anything", async () => {
    const user = U.newHire.id;
    const issue = (expiryUnit: "minutes" | "hours" | "days", expiryValue: number) =>
      client().issueEmergencyAccessCode(user, { oneTimeUse: false, expiryUnit, expiryValue });
    await notSent(() => issue("days", 8));
    await notSent(() => issue("hours", 169));
    await notSent(() => issue("minutes", 0));
    await notSent(() => issue("minutes", 1.5));
    await notSent(() => client().cancelEmergencyAccessCode(user, "../../sidTokens"));
    await expect(issue("minutes", 7 * 24 * 60)).resolves.toMatchObject({ oneTimeUse: false });
    await expect(issue("days", 7)).resolves.toBeTruthy();
  });

  it("14. a code RSA issued but whose answer was lost is 'may have been applied'", async () => {
    tenant.sim().setFault({ kind: "malformed-json", phase: "after-apply", operations: ["change"] });
    const error = await rsaFailure(
      client().issueEmergencyAccessCode(U.newHire.id, { oneTimeUse: true, expiryUnit: "minutes", expiryValue: 30 }),
    );
    expect(error).toMatchObject({ kind: "answer_unreadable", mayHaveBeenApplied: true });
    tenant.sim().clearFaults();
    expect((await client().lookupUserByEmail(U.newHire.email)).emergencyAccessStatus).toBe("ACTIVE");
  });

  it("17. renames a token (at most 255 characters); 409 when it is not that user's", async () => {
    const c = client();
    expect(await c.renameSidToken(U.janeDoe.id, U.janeDoe.sidToken, "Jane's keyring")).toEqual({
      tokenSerialNumber: U.janeDoe.sidToken,
      name: "Jane's keyring",
      userId: U.janeDoe.id,
    });
    expect((await c.lookupSidToken(U.janeDoe.sidToken)).name).toBe("Jane's keyring");
    await notSent(() => c.renameSidToken(U.janeDoe.id, U.janeDoe.sidToken, "x".repeat(256)));
    await notSent(() => c.renameSidToken(U.janeDoe.id, U.janeDoe.sidToken, "   "));
    expect(await rsaFailure(c.renameSidToken(U.janetDow.id, U.janeDoe.sidToken, "Mine now"))).toMatchObject({
      kind: "conflict",
      conflict: "not_assigned_to_user",
    });
  });
});

describe.each(["OAuth client (RSA key)", "OAuth client (EC key)"] as const)("16. live verification (%s)", (kind) => {
  const user = U.janeDoe.id;

  it("starts, refuses a second start (409, verification in progress), takes the caller's code", async () => {
    const c = tenant.client(kind);
    expect(await c.startVerification(user)).toMatchObject({ userId: user, verifyStatus: "PENDING" });
    const again = await rsaFailure(c.startVerification(user));
    expect(again).toMatchObject({ kind: "conflict", conflict: "verification_in_progress", mayHaveBeenApplied: false });
    expect(describeRsaFailure(again, "change")).toMatch(/a verification of this user is already in progress/);
    const res = await fetch(`${tenant.sim().url}/__simulator/users/${user}/verify/code`);
    const { verifyCode } = (await res.json()) as { verifyCode: string };
    expect(await c.submitVerificationCode(user, verifyCode)).toMatchObject({ verifyStatus: "VERIFIED" });
    expect(await c.verificationStatus(user)).toMatchObject({ verifyStatus: "VERIFIED", status: "COMPLETED" });
  });

  it("cancels a verification", async () => {
    const c = tenant.client(kind);
    await c.startVerification(user);
    expect(await c.cancelVerification(user)).toMatchObject({ verifyStatus: "CANCELLED" });
  });

  it("is a business 404 on a tenant without the licence", async () => {
    tenant.sim().setVerifyLicensed(false);
    expect(await rsaFailure(tenant.client(kind).startVerification(user))).toMatchObject({ kind: "not_found" });
  });
});

describe("16. live verification with the legacy key", () => {
  it("is refused: the vendor offers it to OAuth clients only", async () => {
    expect(await rsaFailure(tenant.legacyClient().startVerification(U.janeDoe.id))).toMatchObject({
      kind: "credential_rejected",
      httpStatus: 403,
    });
  });
});
