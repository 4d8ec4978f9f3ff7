import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { changeToken, type ChangeRequest } from "@/lib/tokens/change-token";
import { lookupToken } from "@/lib/tokens/lookup-token";
import { getRsaClient, resetRsaClient } from "@/lib/rsa/client";
import { sidSnapshot, ds100Snapshot, type TokenAction } from "@/lib/tokens/token-actions";
import { SEED_EXAMPLES } from "@/simulator/index";
import { withSimulatedTenant } from "@/lib/test-support/rsa-tenant";
import type { CurrentUser } from "@/lib/auth/current-user";
import { userActor } from "@/lib/audit/actors";
import { reconcileOpenIntents } from "@/lib/audit/reconcile";

const tenant = withSimulatedTenant({ timeoutMs: 400, totalTimeoutMs: 1000 });

const agent: CurrentUser = {
  id: randomUUID(),
  email: "agent@example.com",
  displayName: "Alex Agent",
  role: "AGENT",
  sessionId: randomUUID(),
};
const actor = userActor(agent);
const ctx = () => ({ requestId: randomUUID(), clientIp: "10.0.0.7", userAgent: "vitest" });
const details = { ticket: "INC-1001", reason: "lost" as const, note: "" };

async function request(serial: string, action: TokenAction): Promise<ChangeRequest> {
  const token = await getRsaClient().lookupSidToken(serial);
  return { serial, tokenType: "SID700", action, expected: sidSnapshot(token), details };
}

async function eventsFor(serial: string) {
  return db().auditEvent.findMany({ where: { serial }, orderBy: { seq: "asc" } });
}

function patchCount() {
  return tenant.sim.requestCount();
}

describe("changing a token writes INTENT then OUTCOME", () => {
  it("disable → enable → unassign on a seeded token, each with INTENT and SUCCESS OUTCOME", async () => {
    const serial = SEED_EXAMPLES.assignedEnabledSpares[0]!;
    for (const action of ["disable", "enable", "unassign"] as const) {
      const result = await changeToken(actor, await request(serial, action), ctx());
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
    const token = await getRsaClient().lookupSidToken(serial);
    expect(token).toMatchObject({ tokenStatus: "Enabled", tokenState: "Unassigned", userId: null });

    const events = await eventsFor(serial);
    expect(events.map((e) => `${e.type}:${e.action}:${e.outcome ?? ""}`)).toEqual([
      "CHANGE_INTENT:DISABLE:",
      "CHANGE_OUTCOME:DISABLE:SUCCESS",
      "CHANGE_INTENT:ENABLE:",
      "CHANGE_OUTCOME:ENABLE:SUCCESS",
      "CHANGE_INTENT:UNASSIGN:",
      "CHANGE_OUTCOME:UNASSIGN:SUCCESS",
    ]);
    const [intent, outcome] = events;
    expect(intent).toMatchObject({
      actorId: agent.id,
      actorName: "Alex Agent",
      actorRole: "AGENT",
      ticket: "INC-1001",
      reason: "lost",
      clientIp: "10.0.0.7",
      tokenType: "SID700",
    });
    expect(intent!.stateBefore).toMatchObject({ tokenStatus: "Enabled" });
    expect(intent!.rsaUserId).toBeTruthy();
    expect(outcome).toMatchObject({ intentId: intent!.id, rsaStatus: 200 });
    expect(outcome!.stateAfter).toMatchObject({ tokenStatus: "Disabled" });
    expect(outcome!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ["server-error", "UNAVAILABLE", 500],
    ["gateway-html", "UNAVAILABLE", 503],
    ["rate-limit", "RATE_LIMITED", 429],
  ] as const)("records a FAILURE OUTCOME when RSA refuses the change with %s", async (kind, errorCode, rsaStatus) => {
    const serial = SEED_EXAMPLES.assignedEnabledSpares[1]!;
    const req = await request(serial, "disable");
    tenant.sim.setFault({
      serial,
      kind,
      operations: ["change"],
      retryAfterSeconds: kind === "rate-limit" ? 3 : undefined,
    });
    const result = await changeToken(actor, req, ctx());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(`RSA_${errorCode}`);
      expect(result.message).not.toMatch(/<html|NOT_FOUND|stack/i);
      expect(result.referenceId).toBeTruthy();
    }
    const events = await eventsFor(serial);
    const outcome = events.findLast((e) => e.type === "CHANGE_OUTCOME")!;
    expect(outcome).toMatchObject({ outcome: "FAILURE", errorCode, rsaStatus });
    expect(events.findLast((e) => e.type === "CHANGE_INTENT")!.id).toBe(outcome.intentId);
    expect((await getRsaClient().lookupSidToken(serial)).tokenStatus).toBe("Enabled");
  });

  // Sent, and no readable answer came back: the audit says UNKNOWN, never FAILURE, and the
  // reconciler later appends what RSA shows. `applied` says whether RSA made the change first.
  it.each([
    ["latency beyond the timeout", { kind: "latency", latencyMs: 1500, phase: "after-apply" }, true, "TIMEOUT"],
    ["a hang after applying", { kind: "hang", phase: "after-apply" }, true, "TIMEOUT"],
    ["a cut connection after applying", { kind: "connection-reset", phase: "after-apply" }, true, "NETWORK"],
    ["a hang before applying", { kind: "hang" }, false, "TIMEOUT"],
  ] as const)("records UNKNOWN for %s, then the reconciler resolves it", async (_name, fault, applied, errorCode) => {
    const serial = SEED_EXAMPLES.assignedEnabledSpares[applied ? 6 : 7]!;
    const req = await request(serial, "disable");
    tenant.sim.setFault({ serial, operations: ["change"], ...fault });
    const result = await changeToken(actor, req, ctx());
    expect(result).toMatchObject({ ok: false, code: "OUTCOME_UNKNOWN" });
    if (!result.ok) expect(result.message).toMatch(/unknown whether the change was made/);
    tenant.sim.clearFaults();
    const outcome = (await eventsFor(serial)).findLast((e) => e.type === "CHANGE_OUTCOME")!;
    expect(outcome).toMatchObject({ outcome: "UNKNOWN", errorCode });

    // Give RSA time to finish what the latency fault held back, then settle.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const report = await reconcileOpenIntents({ olderThanSeconds: 0, now: new Date(Date.now() + 1000) });
    expect(report.resolved).toContainEqual({
      intentId: outcome.intentId,
      serial,
      resolution: applied ? "APPLIED" : "NOT_APPLIED",
    });
    const resolution = (await eventsFor(serial)).findLast((e) => e.type === "CHANGE_RESOLUTION")!;
    expect(resolution).toMatchObject({ intentId: outcome.intentId, ticket: "INC-1001", actorId: agent.id });
  });

  it("treats a 2xx answer it cannot read as applied once a fresh read shows the change", async () => {
    const serial = SEED_EXAMPLES.assignedEnabledSpares[8]!;
    const req = await request(serial, "disable");
    tenant.sim.setFault({ serial, kind: "malformed-json", phase: "after-apply", operations: ["change"] });
    const result = await changeToken(actor, req, ctx());
    expect(result).toMatchObject({ ok: true, data: { confirmedByReread: true, after: { tokenStatus: "Disabled" } } });
    const outcome = (await eventsFor(serial)).findLast((e) => e.type === "CHANGE_OUTCOME")!;
    expect(outcome).toMatchObject({ outcome: "SUCCESS", errorCode: "ANSWER_UNREADABLE" });
  });

  it("records a 409 from RSA when the token changes during the call", async () => {
    const serial = SEED_EXAMPLES.assignedEnabledSpares[2]!;
    const req = await request(serial, "disable");
    tenant.sim.setFault({ serial, kind: "latency", latencyMs: 300, operations: ["change"] });
    const pending = changeToken(actor, req, ctx());
    await new Promise((r) => setTimeout(r, 100));
    await fetch(`${tenant.sim.url}/__simulator/tokens/${serial}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ tokenState: "Unassigned", userId: null }),
    });
    const result = await pending;
    expect(result).toMatchObject({ ok: false, code: "RSA_CONFLICT" });
    expect((await eventsFor(serial)).findLast((e) => e.type === "CHANGE_OUTCOME")).toMatchObject({
      outcome: "FAILURE",
      errorCode: "CONFLICT",
      rsaStatus: 409,
    });
  });

  it("refuses without calling RSA's change when the state moved since the agent saw it", async () => {
    const serial = SEED_EXAMPLES.assignedEnabledSpares[3]!;
    const req = await request(serial, "disable");
    await getRsaClient().disableSidToken(req.expected.userId!, serial); // someone else acted
    const before = patchCount();
    const result = await changeToken(actor, req, ctx());
    expect(result).toMatchObject({ ok: false, code: "STATE_CHANGED" });
    expect(patchCount() - before).toBe(1); // only the re-read
    const events = await eventsFor(serial);
    expect(events.map((e) => e.type)).toEqual(["CHANGE_REFUSED"]);
    expect(events[0]).toMatchObject({ errorCode: "STATE_CHANGED" });
  });

  it("refuses an action the state does not allow (enable on an unassigned token)", async () => {
    const serial = SEED_EXAMPLES.unassignedEnabled;
    const req = await request(serial, "enable");
    const result = await changeToken(actor, req, ctx());
    expect(result).toMatchObject({ ok: false, code: "NOT_ALLOWED" });
    expect((await eventsFor(serial)).map((e) => e.type)).toEqual(["CHANGE_REFUSED"]);
  });

  it("runs one change at a time per serial: of two at once, one is refused as busy", async () => {
    const serial = SEED_EXAMPLES.assignedEnabledSpares[4]!;
    const req = await request(serial, "disable");
    tenant.sim.setFault({ serial, kind: "latency", latencyMs: 200, operations: ["change"] });
    const results = await Promise.all([changeToken(actor, req, ctx()), changeToken(actor, req, ctx())]);
    const codes = results.map((r) => (r.ok ? "OK" : r.code)).sort();
    expect(codes).toEqual(["BUSY", "OK"]);
    expect((await eventsFor(serial)).filter((e) => e.type === "CHANGE_INTENT")).toHaveLength(1);
  });

  it("does not call RSA when the database is unavailable before the change", async () => {
    const serial = SEED_EXAMPLES.assignedEnabledSpares[5]!;
    const req = await request(serial, "disable");
    const realUrl = process.env.DATABASE_URL!;
    await disconnectDb();
    process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:1/none";
    resetEnvCache();
    const before = patchCount();
    try {
      const result = await changeToken(actor, req, ctx());
      expect(result).toMatchObject({ ok: false, code: "DATABASE_UNAVAILABLE" });
      expect(patchCount()).toBe(before);
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = realUrl;
      resetEnvCache();
    }
    expect((await getRsaClient().lookupSidToken(serial)).tokenStatus).toBe("Enabled");
  });

  it("disables and enables a DS100 device", async () => {
    const serial = SEED_EXAMPLES.ds100EnabledDevice;
    const credentials = await getRsaClient().lookupDs100(serial);
    const result = await changeToken(
      actor,
      { serial, tokenType: "DS100", action: "disable", expected: ds100Snapshot(credentials), details },
      ctx(),
    );
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect((await getRsaClient().lookupDs100(serial)).every((c) => c.tokenStatus === "Disabled")).toBe(true);
    expect((await eventsFor(serial)).map((e) => `${e.type}:${e.tokenType}`)).toEqual([
      "CHANGE_INTENT:DS100",
      "CHANGE_OUTCOME:DS100",
    ]);
  });
});

describe("lookups are recorded", () => {
  it("records found, not found and the serial kind", async () => {
    const found = await lookupToken(agent, { serial: SEED_EXAMPLES.unassignedEnabled, kind: "sid700" }, ctx());
    expect(found).toMatchObject({ ok: true, data: { found: true, kind: "SID700" } });
    const ds = await lookupToken(agent, { serial: SEED_EXAMPLES.ds100Device, kind: "ds100" }, ctx());
    expect(ds).toMatchObject({ ok: true, data: { found: true, kind: "DS100" } });
    const missing = await lookupToken(agent, { serial: "999999999999", kind: "sid700" }, ctx());
    expect(missing).toMatchObject({ ok: true, data: { found: false } });
    const either = await lookupToken(agent, { serial: "12345678", kind: "either" }, ctx());
    expect(either).toMatchObject({ ok: true, data: { found: false } });
    const rows = await db().auditEvent.findMany({
      where: { type: "LOOKUP", actorId: agent.id },
      orderBy: { seq: "asc" },
    });
    expect(rows.map((r) => `${r.serial}:${r.outcome}`)).toEqual([
      `${SEED_EXAMPLES.unassignedEnabled}:FOUND`,
      `${SEED_EXAMPLES.ds100Device}:FOUND`,
      "999999999999:NOT_FOUND",
      "12345678:NOT_FOUND",
    ]);
  });

  it("says plainly when RSA is rate limiting, and records the failure", async () => {
    tenant.sim.setFault({ serial: SEED_EXAMPLES.unassignedEnabled, kind: "rate-limit", retryAfterSeconds: 30 });
    const result = await lookupToken(agent, { serial: SEED_EXAMPLES.unassignedEnabled, kind: "sid700" }, ctx());
    expect(result).toMatchObject({ ok: false, code: "RSA_RATE_LIMITED" });
    if (!result.ok) expect(result.message).toMatch(/in 30 seconds/);
  });

  it("tells the agent to call an administrator when the RSA key file has gone, and records the failure", async () => {
    const keyFile = process.env.RSA_ADMIN_KEY_FILE;
    process.env.RSA_ADMIN_KEY_FILE = "/nonexistent/rsa-admin.key";
    resetEnvCache();
    resetRsaClient();
    try {
      const result = await lookupToken(agent, { serial: "000000777777", kind: "sid700" }, ctx());
      expect(result).toMatchObject({ ok: false, code: "RSA_NOT_CONFIGURED" });
      if (!result.ok) expect(result.message).toMatch(/Tell your administrator/);
      const [row] = await db().auditEvent.findMany({ where: { serial: "000000777777" } });
      expect(row).toMatchObject({ type: "LOOKUP", outcome: "FAILED", errorCode: "NOT_CONFIGURED" });
    } finally {
      process.env.RSA_ADMIN_KEY_FILE = keyFile;
      resetEnvCache();
      resetRsaClient();
    }
  });
});
