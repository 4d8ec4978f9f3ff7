import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendAuditEvent } from "@/lib/audit/append";
import { reconcileOpenIntents } from "@/lib/audit/reconcile";
import { getRsaClient } from "@/lib/rsa/client";
import { sidSnapshot } from "@/lib/tokens/token-actions";
import { SEED_EXAMPLES } from "@/simulator/index";
import { withSimulatedTenant } from "@/lib/test-support/rsa-tenant";

const tenant = withSimulatedTenant();
const agent = {
  actorId: randomUUID(),
  actorName: "Killed Process",
  actorEmail: "killed@example.com",
  actorRole: "AGENT",
};

/** An INTENT as a change writes it, two minutes ago — and then the process died. */
async function orphanIntent(serial: string, action: "DISABLE" | "ENABLE") {
  const token = await getRsaClient().lookupSidToken(serial);
  const id = randomUUID();
  await appendAuditEvent({
    ...agent,
    id,
    type: "CHANGE_INTENT",
    action,
    serial,
    tokenType: "SID700",
    rsaUserId: token.userId,
    ticket: "INC-CRASH",
    reason: "lost",
    stateBefore: sidSnapshot(token),
    occurredAt: new Date(Date.now() - 120_000),
  });
  return { id, token };
}

describe("reconciling change INTENTs left without an OUTCOME", () => {
  it("records APPLIED when RSA made the change, NOT_APPLIED when it did not, and nothing twice", async () => {
    const applied = await orphanIntent(SEED_EXAMPLES.assignedEnabledSpares[0]!, "DISABLE");
    await getRsaClient().disableSidToken(applied.token.userId!, applied.token.tokenSerialNumber); // RSA got it; we died before the OUTCOME
    const notApplied = await orphanIntent(SEED_EXAMPLES.assignedEnabledSpares[1]!, "DISABLE"); // we died before calling RSA
    const fresh = randomUUID();
    await appendAuditEvent({
      ...agent,
      id: fresh,
      type: "CHANGE_INTENT",
      action: "DISABLE",
      serial: "000000000001",
      stateBefore: null,
    }); // too young to touch

    const report = await reconcileOpenIntents({ olderThanSeconds: 60 });
    expect(report.resolved.map((r) => [r.intentId, r.outcome]).sort()).toEqual(
      [
        [applied.id, "APPLIED"],
        [notApplied.id, "NOT_APPLIED"],
      ].sort(),
    );
    const outcome = await db().auditEvent.findFirstOrThrow({ where: { intentId: applied.id } });
    expect(outcome).toMatchObject({
      type: "CHANGE_OUTCOME",
      actorId: agent.actorId,
      ticket: "INC-CRASH",
      outcome: "APPLIED",
    });
    expect(outcome.details).toMatchObject({ reconciled: true });
    expect(outcome.stateAfter).toMatchObject({ tokenStatus: "Disabled" });

    const again = await reconcileOpenIntents({ olderThanSeconds: 60 });
    expect(again.examined).toBe(0);
    expect(await db().auditEvent.count({ where: { intentId: fresh } })).toBe(0);
  });

  it("waits (records nothing) while RSA cannot be asked", async () => {
    const orphan = await orphanIntent(SEED_EXAMPLES.assignedEnabledSpares[2]!, "DISABLE");
    tenant.sim.setFault({ kind: "server-error" });
    const report = await reconcileOpenIntents({ olderThanSeconds: 60 });
    expect(report.deferred.map((d) => d.intentId)).toEqual([orphan.id]);
    expect(await db().auditEvent.count({ where: { intentId: orphan.id } })).toBe(0);
    tenant.sim.clearFaults();
    expect((await reconcileOpenIntents({ olderThanSeconds: 60 })).resolved).toEqual([
      { intentId: orphan.id, serial: orphan.token.tokenSerialNumber, outcome: "NOT_APPLIED" },
    ]);
  });
});
