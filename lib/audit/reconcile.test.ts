import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendAuditEvent } from "@/lib/audit/append";
import { auditEvents } from "@/lib/audit/events";
import { MAX_ATTEMPTS, reconcileOpenIntents } from "@/lib/audit/reconcile";
import { getRsaClient } from "@/lib/rsa/client";
import { sidSnapshot } from "@/lib/tokens/token-actions";
import { SEED_EXAMPLES } from "@/simulator/index";
import { withSimulatedTenant } from "@/lib/test-support/rsa-tenant";
import { testAgent, testChange, testIntent } from "@/lib/test-support/audit-events";

const tenant = withSimulatedTenant();
const agent = testAgent("Killed Process");
/** Two minutes from now, so every INTENT written in the test is "old enough". */
const later = () => new Date(Date.now() + 120_000);

/** An INTENT as a change writes it — and then the process died (or the answer was lost: `outcome`). */
async function intentFor(serial: string, action: "DISABLE" | "ENABLE", outcome?: "UNKNOWN") {
  const token = await getRsaClient().lookupSidToken(serial);
  const intent = testIntent(
    agent,
    testChange({ action, serial, rsaUserId: token.userId, ticket: "INC-CRASH", reason: "lost" }),
  );
  const before = sidSnapshot(token);
  await appendAuditEvent(
    auditEvents.changeIntent({
      intent,
      stateBefore: before,
      details: { input: { action: action.toLowerCase(), tokenType: "SID700", serial } },
    }),
  );
  if (outcome)
    await appendAuditEvent(
      auditEvents.changeOutcome({
        intent,
        outcome,
        failure: { errorCode: "TIMEOUT" },
        stateBefore: before,
        stateAfter: null,
        durationMs: 8000,
      }),
    );
  return { id: intent.id, token };
}

const resolutionOf = (intentId: string) =>
  db().auditEvent.findFirst({ where: { intentId, type: "CHANGE_RESOLUTION" } });

describe("reconciling changes whose ending is not known", () => {
  it("resolves a missing OUTCOME and an UNKNOWN one as APPLIED or NOT_APPLIED, and nothing twice", async () => {
    const applied = await intentFor(SEED_EXAMPLES.assignedEnabledSpares[0]!, "DISABLE");
    await getRsaClient().disableSidToken(applied.token.userId!, applied.token.tokenSerialNumber); // RSA got it; we died
    const notApplied = await intentFor(SEED_EXAMPLES.assignedEnabledSpares[1]!, "DISABLE"); // died before calling RSA
    const lateAnswer = await intentFor(SEED_EXAMPLES.assignedEnabledSpares[3]!, "DISABLE", "UNKNOWN");
    await getRsaClient().disableSidToken(lateAnswer.token.userId!, lateAnswer.token.tokenSerialNumber); // applied, answer lost
    const young = await intentFor(SEED_EXAMPLES.assignedEnabledSpares[4]!, "DISABLE");

    const report = await reconcileOpenIntents({ olderThanSeconds: 60, now: later() });
    expect(report.resolved.map((r) => [r.intentId, r.resolution]).sort()).toEqual(
      [
        [applied.id, "APPLIED"],
        [notApplied.id, "NOT_APPLIED"],
        [lateAnswer.id, "APPLIED"],
        [young.id, "NOT_APPLIED"],
      ].sort(),
    );
    const resolution = await resolutionOf(lateAnswer.id);
    expect(resolution).toMatchObject({ actorId: agent.id, ticket: "INC-CRASH", outcome: "APPLIED" });
    expect(resolution!.details).toMatchObject({ outcomeBefore: "UNKNOWN", resolvedBy: "tokendesk reconciler" });
    expect(resolution!.stateAfter).toMatchObject({ tokenStatus: "Disabled" });
    // The UNKNOWN OUTCOME itself stays as it was written: the trail only grows.
    expect(
      await db().auditEvent.count({ where: { intentId: lateAnswer.id, type: "CHANGE_OUTCOME", outcome: "UNKNOWN" } }),
    ).toBe(1);

    const again = await reconcileOpenIntents({ olderThanSeconds: 60, now: later() });
    expect(again.examined).toBe(0);
  });

  it("leaves a change alone until it is older than the delay", async () => {
    const fresh = await intentFor(SEED_EXAMPLES.assignedEnabledSpares[5]!, "DISABLE");
    const report = await reconcileOpenIntents({ olderThanSeconds: 60 });
    expect(report.resolved.map((r) => r.intentId)).not.toContain(fresh.id);
    expect(await resolutionOf(fresh.id)).toBeNull();
  });

  it("looks again with backoff while RSA cannot be asked, and gives up as STILL_UNKNOWN after the last attempt", async () => {
    const orphan = await intentFor(SEED_EXAMPLES.assignedEnabledSpares[2]!, "DISABLE");
    tenant.sim.setFault({ kind: "server-error" });
    let now = later();
    const first = await reconcileOpenIntents({ olderThanSeconds: 60, now });
    expect(first.deferred.map((d) => d.intentId)).toContain(orphan.id);
    expect(await resolutionOf(orphan.id)).toBeNull();
    // Not due again straight away: the backoff holds it.
    expect((await reconcileOpenIntents({ olderThanSeconds: 60, now })).examined).toBe(0);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = new Date(now.getTime() + 3_600_000);
      await reconcileOpenIntents({ olderThanSeconds: 60, now });
    }
    const resolution = await resolutionOf(orphan.id);
    expect(resolution).toMatchObject({ outcome: "STILL_UNKNOWN" });
    expect(resolution!.details).toMatchObject({ attempts: MAX_ATTEMPTS, gaveUp: expect.stringMatching(/^RSA /) });
  });

  it("resolves once although two instances reconcile at the same moment", async () => {
    const orphan = await intentFor(SEED_EXAMPLES.assignedEnabledSpares[6]!, "DISABLE");
    const now = later();
    const reports = await Promise.all([
      reconcileOpenIntents({ olderThanSeconds: 60, now }),
      reconcileOpenIntents({ olderThanSeconds: 60, now }),
    ]);
    expect(reports.flatMap((r) => r.resolved).filter((r) => r.intentId === orphan.id)).toHaveLength(1);
    expect(await db().auditEvent.count({ where: { intentId: orphan.id, type: "CHANGE_RESOLUTION" } })).toBe(1);
  });
});
