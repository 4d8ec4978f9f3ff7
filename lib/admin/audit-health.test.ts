import { describe, expect, it } from "vitest";
import { appendAuditEvent } from "@/lib/audit/append";
import { parseCheckpoints } from "@/lib/audit/checkpoint";
import { auditEvents, NO_REQUEST } from "@/lib/audit/events";
import { auditHmacKey } from "@/lib/audit/hmac-key";
import { verifyWholeChain } from "@/lib/audit/verify-now";
import { auditHealth, countOpenIntents } from "@/lib/admin/audit-health";
import { takeCheckpoint } from "@/lib/admin/take-checkpoint";
import { backdated, testAgent, testChange, testIntent } from "@/lib/test-support/audit-events";

const agent = testAgent("Health Check");
const MINUTE = 60_000;

/** A change as it was recorded `msAgo`, ended with `outcome` (or never) and maybe resolved later. */
async function change(msAgo: number, outcome?: "SUCCESS" | "FAILURE" | "UNKNOWN", resolved = false) {
  const intent = testIntent(agent, testChange({ action: "DISABLE", serial: "000000200002", ticket: "INC-1" }));
  await appendAuditEvent(backdated(auditEvents.changeIntent({ intent, stateBefore: null }), msAgo));
  if (outcome)
    await appendAuditEvent(
      auditEvents.changeOutcome({ intent, outcome, stateBefore: null, stateAfter: null, durationMs: 10 }),
    );
  if (resolved)
    await appendAuditEvent(
      auditEvents.changeResolution({
        intent,
        resolvedBy: { kind: "system", name: "test" },
        resolution: "APPLIED",
        stateBefore: null,
        observed: null,
        details: {},
      }),
    );
}

describe("audit health", () => {
  it("counts changes older than the reconcile delay that still have no ending", async () => {
    const before = await countOpenIntents(new Date(Date.now() - MINUTE));
    await change(5 * MINUTE); // no OUTCOME: open
    await change(5 * MINUTE, "UNKNOWN"); // unknown, not resolved: open
    await change(5 * MINUTE, "UNKNOWN", true); // resolved: settled
    await change(5 * MINUTE, "SUCCESS"); // ended
    await change(5 * MINUTE, "FAILURE"); // ended
    await change(1000); // younger than the delay: the reconciler has not had its turn yet
    const health = await auditHealth();
    expect(health.reconcileAfterSeconds).toBe(60);
    expect(health.openIntents - before).toBe(2);
  });

  it("gives the row count, the last verification and the last checkpoint with who took it", async () => {
    await appendAuditEvent(
      auditEvents.lookup({
        actor: agent,
        request: NO_REQUEST,
        serial: "000000200002",
        tokenType: "SID700",
        rsaUserId: null,
        outcome: "FOUND",
      }),
    );
    const verified = await verifyWholeChain("page");
    let health = await auditHealth();
    expect(health.rows).toBe(verified.head!.seq);
    expect(health.lastVerification).toMatchObject({ ok: true, rowsChecked: verified.rowsChecked, trigger: "page" });

    const admin = { kind: "user" as const, id: agent.id, email: "ada@example.com", name: "Ada Admin", role: "ADMIN" };
    const checkpoint = await takeCheckpoint(admin, NO_REQUEST);
    expect(checkpoint?.seq).toBe(health.rows);
    const [parsed] = parseCheckpoints(auditHmacKey(), checkpoint!.line);
    expect(parsed).toMatchObject({ kind: "tokendesk-audit-checkpoint", seq: health.rows });

    health = await auditHealth();
    expect(BigInt(health.rows)).toBe(BigInt(checkpoint!.seq) + 1n); // the AUDIT_CHECKPOINT row itself
    expect(health.lastCheckpoint).toMatchObject({ seq: checkpoint!.seq, by: "Ada Admin (ada@example.com)" });
  });
});
