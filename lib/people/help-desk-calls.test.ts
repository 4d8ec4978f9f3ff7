import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { userActor } from "@/lib/audit/actors";
import { reconcileOpenIntents } from "@/lib/audit/reconcile";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { callerVerification, resetVerificationAvailability } from "@/lib/people/caller-verification";
import { cancelEmergencyCodeChange, issueEmergencyCodeChange } from "@/lib/people/emergency-code-changes";
import { findPeople } from "@/lib/people/find-people";
import { issuedEmergencyCode } from "@/lib/people/issued-codes";
import { loadUserCard, type UserCard } from "@/lib/people/user-card";
import { getRsaClient } from "@/lib/rsa/client";
import { assignChange } from "@/lib/tokens/assign-change";
import { clearPinChange } from "@/lib/tokens/clear-pin-change";
import { runChange } from "@/lib/tokens/change-token";
import { lookupToken } from "@/lib/tokens/lookup-token";
import { renameChange } from "@/lib/tokens/rename-change";
import { withSimulatedTenant } from "@/lib/test-support/rsa-tenant";
import { SEED_EXAMPLES as S } from "@/simulator/index";

const tenant = withSimulatedTenant({ credential: "oauth", timeoutMs: 1500, totalTimeoutMs: 3000 });
const agent: CurrentUser = {
  id: randomUUID(),
  email: "agent@example.com",
  displayName: "Alex Agent",
  role: "AGENT",
  sessionId: randomUUID(),
};
const ctx = () => ({ requestId: randomUUID(), clientIp: "10.0.0.8", userAgent: "vitest" });
const details = { ticket: "INC-2001", reason: "user-request" as const, note: "" };
const run = <I, St>(definition: Parameters<typeof runChange<I, St>>[0], input: I) =>
  runChange(definition, input, userActor(agent), ctx(), details);

async function card(email: string): Promise<UserCard> {
  const result = await loadUserCard(agent, email, ctx());
  if (!result.ok || !("user" in result.data)) throw new Error(`no card for ${email}: ${JSON.stringify(result)}`);
  return result.data;
}

describe("finding the caller", () => {
  it("finds several people by a part of their e-mail, keeps them in the directory, and audits the search", async () => {
    const result = await findPeople(agent, { emailLike: S.search.jane.term }, ctx());
    expect(result.ok && result.data.matches.map((m) => m.email)).toEqual(S.search.jane.emails);
    expect(await db().rsaUserDirectoryEntry.count({ where: { email: { in: [...S.search.jane.emails] } } })).toBe(4);
    const row = await db().auditEvent.findFirst({ where: { action: "USER_SEARCH" }, orderBy: { seq: "desc" } });
    expect(row).toMatchObject({ type: "LOOKUP", outcome: "FOUND", actorId: agent.id });
  });

  it("says how many more matched than are listed", async () => {
    const result = await findPeople(agent, { emailLike: S.search.multiPage.term }, ctx());
    expect(result.ok && result.data.more).toEqual({ count: 4, atLeast: false });
  });

  it("searches a name with a space as first.last, then by its last word", async () => {
    const result = await findPeople(agent, { emailLike: "raj.malhotra" }, ctx());
    expect(result.ok && result.data.matches.map((m) => m.name)).toEqual(["Raj Malhotra"]);
    const lastWord = await findPeople(agent, { emailLike: "someone.yamamoto" }, ctx());
    expect(lastWord.ok && lastWord.data).toMatchObject({ searched: "yamamoto", matches: [{ name: "Aiko Yamamoto" }] });
  });

  it("shows a caller with every authenticator, lockouts and the five-token limit", async () => {
    const locked = await card(S.users.lockedOut.email);
    expect(locked.user).toMatchObject({ isTokenLocked: true, isSmsLocked: true });
    expect(locked.tokens.map((t) => t.tokenSerialNumber)).toEqual([S.users.lockedOut.sidToken]);
    const limit = await card(S.userEmails.userAtTokenLimit);
    expect(limit.activeTokens).toBe(5);
    const camille = await card(S.users.phoneAndFido.email);
    expect(camille.phones).toHaveLength(1);
    expect(camille.fidoKeys).toHaveLength(1);
    const leaver = await card(S.users.leaver.email);
    expect(leaver.ds100.map((d) => d.deviceSerial)).toEqual([S.users.leaver.ds100Device]);
  });

  it("names a token's owner once tokendesk has seen them", async () => {
    const before = await lookupToken(agent, { serial: S.users.travelling.sidToken, kind: "sid700" }, ctx());
    expect(before.ok && before.data.found && before.data.owner).toBeNull();
    await card(S.users.travelling.email);
    const after = await lookupToken(agent, { serial: S.users.travelling.sidToken, kind: "sid700" }, ctx());
    expect(after.ok && after.data.found && after.data.owner).toMatchObject({
      name: "Oscar Lindgren",
      email: S.users.travelling.email,
    });
  });
});

describe("the help-desk changes, each through the one change path", () => {
  it("clears a forgotten PIN and records it with the owner", async () => {
    const { id, sidToken } = S.users.forgottenPin;
    const result = await run(clearPinChange, {
      tokenType: "SID700",
      serial: sidToken,
      credentialSerial: null,
      expectedUserId: id,
    });
    expect(result).toMatchObject({ ok: true, data: { before: { pinSet: true }, after: { pinSet: false } } });
    expect((await getRsaClient().lookupSidToken(sidToken)).pinSet).toBe(false);
    const rows = await db().auditEvent.findMany({ where: { serial: sidToken }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => `${r.type}:${r.action}:${r.outcome ?? ""}`)).toEqual([
      "CHANGE_INTENT:CLEAR_PIN:",
      "CHANGE_OUTCOME:CLEAR_PIN:SUCCESS",
    ]);
    expect(rows[0]).toMatchObject({ rsaUserId: id, ticket: "INC-2001" });
  });

  it("clears one DS100 credential's PIN by its credential serial", async () => {
    const { id, ds100Device, ds100Credential } = S.users.leaver;
    const result = await run(clearPinChange, {
      tokenType: "DS100",
      serial: ds100Device,
      credentialSerial: ds100Credential,
      expectedUserId: id,
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it("assigns a spare token to a new hire, and refuses a sixth active token with RSA's reason", async () => {
    const hire = S.users.newHire;
    const serial = S.unassignedSpares[0];
    const result = await run(assignChange, { serial, userId: hire.id, email: hire.email, tokenName: "Primary token" });
    expect(result).toMatchObject({ ok: true, data: { after: { userId: hire.id, tokenState: "Activation Pending" } } });
    const sixth = await run(assignChange, {
      serial: S.unassignedSpares[1],
      userId: S.userAtTokenLimit,
      email: S.userEmails.userAtTokenLimit,
      tokenName: null,
    });
    expect(sixth).toMatchObject({ ok: false, code: "RSA_CONFLICT" });
    if (!sixth.ok) expect(sixth.message).toMatch(/already has five active tokens/);
  });

  it("renames a token, and refuses when its owner changed meanwhile", async () => {
    const { id, sidToken } = S.users.janeDoe;
    expect(await run(renameChange, { serial: sidToken, expectedUserId: id, newName: "Travel token" })).toMatchObject({
      ok: true,
      data: { after: { name: "Travel token" } },
    });
    const stale = await run(renameChange, { serial: sidToken, expectedUserId: randomUUID(), newName: "Other" });
    expect(stale).toMatchObject({ ok: false, code: "STATE_CHANGED" });
  });

  it("issues an emergency access code shown once and recorded nowhere, then cancels it", async () => {
    const { id, email } = S.users.janeDoe;
    // Every log line written meanwhile, whatever its level.
    const levels = ["trace", "debug", "info", "warn", "error", "fatal"] as const;
    const spies = levels.map((level) => vi.spyOn(logger(), level));
    const issued = await run(issueEmergencyCodeChange, {
      userId: id,
      email,
      oneTimeUse: false,
      expiryUnit: "days",
      expiryValue: 1,
    });
    expect(issued.ok, JSON.stringify(issued)).toBe(true);
    const code = issued.ok ? issued.data.reveal?.code : undefined;
    expect(code).toMatch(/^\d{8}$/);
    const rows = await db().$queryRaw<{ row: string }[]>`SELECT row_to_json(e)::text AS row FROM audit_events e`;
    expect(rows.some((r) => r.row.includes(code!))).toBe(false);
    expect(JSON.stringify(await db().rsaUserDirectoryEntry.findMany())).not.toContain(code!);
    const logged = spies.flatMap((spy) => spy.mock.calls);
    expect(
      JSON.stringify(logged, (_key, value) => (value instanceof Error ? `${value.message} ${value.stack}` : value)),
    ).not.toContain(code!);
    for (const spy of spies) spy.mockRestore();

    const known = await issuedEmergencyCode(id);
    expect(known).toMatchObject({ codeId: expect.any(String), issuedBy: "Alex Agent" });
    const cancelled = await run(cancelEmergencyCodeChange, { userId: id, email, codeId: known!.codeId });
    expect(cancelled.ok, JSON.stringify(cancelled)).toBe(true);
    expect(await issuedEmergencyCode(id)).toBeNull();
  });

  it("settles an emergency code whose answer was lost: the reconciler sees the new expiry", async () => {
    const { id, email } = S.users.lockedOut;
    tenant.sim.setFault({ kind: "hang", phase: "after-apply", userId: id, operations: ["change"] });
    const issued = await run(issueEmergencyCodeChange, {
      userId: id,
      email,
      oneTimeUse: true,
      expiryUnit: "hours",
      expiryValue: 2,
    });
    expect(issued).toMatchObject({ ok: false, code: "OUTCOME_UNKNOWN" });
    tenant.sim.clearFaults();
    const report = await reconcileOpenIntents({ olderThanSeconds: 0, now: new Date(Date.now() + 1000) });
    expect(report.resolved.find((r) => r.resolution === "APPLIED")).toBeTruthy();
  });
});

describe("live verification of the caller", () => {
  it("verifies by push (the caller approves on their phone), records it, and never the code", async () => {
    resetVerificationAvailability();
    const who = { userId: S.users.janeDoe.id, email: S.users.janeDoe.email };
    const started = await callerVerification.start(agent, ctx(), who);
    expect(started).toMatchObject({ ok: true, data: { phase: "pending" } });
    const approved = await fetch(`${tenant.sim.url}/__simulator/users/${who.userId}/verify/approve`, {
      method: "POST",
    });
    expect(approved.ok).toBe(true);
    const status = await callerVerification.status(agent, ctx(), who);
    expect(status).toMatchObject({ ok: true, data: { phase: "verified", method: "PUSH" } });
    const again = await callerVerification.status(agent, ctx(), who);
    expect(again.ok && again.data.eventId).toBe(status.ok && status.data.eventId);
    const rows = await db().auditEvent.findMany({ where: { type: "CALLER_VERIFICATION", rsaUserId: who.userId } });
    expect(rows.map((r) => r.outcome).sort()).toEqual(["STARTED", "VERIFIED"]);
  });

  it("verifies by the code the caller reads, and refuses a wrong one", async () => {
    resetVerificationAvailability();
    const who = { userId: S.users.janetDow.id, email: S.users.janetDow.email };
    await callerVerification.start(agent, ctx(), who);
    const { verifyCode: code } = (await (
      await fetch(`${tenant.sim.url}/__simulator/users/${who.userId}/verify/code`)
    ).json()) as { verifyCode: string };
    expect(code).toMatch(/^\d+$/);
    const wrong = await callerVerification.submitCode(agent, ctx(), who, code === "00000000" ? "11111111" : "00000000");
    expect(wrong, JSON.stringify(wrong)).toMatchObject({ ok: true, data: { phase: "denied" } });
    const restarted = await callerVerification.start(agent, ctx(), who);
    expect(restarted, JSON.stringify(restarted)).toMatchObject({ ok: true });
    const fresh = { code: "" };
    ({ verifyCode: fresh.code } = (await (
      await fetch(`${tenant.sim.url}/__simulator/users/${who.userId}/verify/code`)
    ).json()) as { verifyCode: string });
    const right = await callerVerification.submitCode(agent, ctx(), who, fresh.code);
    expect(right, JSON.stringify(right)).toMatchObject({
      ok: true,
      data: { phase: "verified", method: "CODE" },
    });
    const audit = await db().$queryRaw<{ row: string }[]>`SELECT row_to_json(e)::text AS row FROM audit_events e`;
    expect(audit.some((r) => r.row.includes(fresh.code))).toBe(false);
  });

  it("says once that the tenant cannot verify callers, then stops offering it", async () => {
    resetVerificationAvailability();
    await fetch(`${tenant.sim.url}/__simulator/settings`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ verifyLicensed: false }),
    });
    const who = { userId: S.users.janeDoe.id, email: S.users.janeDoe.email };
    const result = await callerVerification.start(agent, ctx(), who);
    expect(result).toMatchObject({ ok: false, message: "Live verification is not available on this tenant." });
    expect((await card(S.users.janeDoe.email)).verificationAvailable).toBe(false);
    resetVerificationAvailability();
  });
});
