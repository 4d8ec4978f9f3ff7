import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendAuditEvent } from "@/lib/audit/append";
import { chainHash, GENESIS_HASH } from "@/lib/audit/canonical";
import { auditEvents, NO_REQUEST } from "@/lib/audit/events";
import { auditHmacKey } from "@/lib/audit/hmac-key";
import { testAgent, testChange, testIntent } from "@/lib/test-support/audit-events";

const lookup = (serial: string, details: Record<string, unknown> | null = null) =>
  auditEvents.lookup({
    actor: { kind: "anonymous" },
    request: NO_REQUEST,
    serial,
    tokenType: "SID700",
    rsaUserId: null,
    outcome: "FOUND",
    details,
  });

describe("audit trail append", () => {
  it("chains rows: gapless seq, prev_hash = previous hash, hash = HMAC of the canonical row", async () => {
    for (let i = 0; i < 5; i++) await appendAuditEvent(lookup(`00000000000${i}`, { b: 1, a: [i] }));
    const rows = await db().auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    let prev = GENESIS_HASH;
    for (const row of rows) {
      expect(row.prevHash).toBe(prev);
      expect(row.hash).toBe(chainHash(auditHmacKey(), prev, row));
      prev = row.hash;
    }
  });

  it("keeps one valid chain under concurrent appends", async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => appendAuditEvent(lookup(`1000000000${i}`))));
    const rows = await db().auditEvent.findMany({ orderBy: { seq: "asc" } });
    let prev = GENESIS_HASH;
    rows.forEach((row, i) => {
      expect(Number(row.seq)).toBe(i + 1);
      expect(row.hash).toBe(chainHash(auditHmacKey(), prev, row));
      prev = row.hash;
    });
  });

  it("is append-only in the database: UPDATE, DELETE and TRUNCATE are refused", async () => {
    await appendAuditEvent(lookup("000000200002"));
    await expect(db().$executeRawUnsafe(`UPDATE audit_events SET serial = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    expect(await db().auditEvent.count()).toBeGreaterThan(0);
  });

  it("allows at most one OUTCOME and one RESOLUTION per INTENT", async () => {
    const intent = testIntent(testAgent("Ann"), testChange({ action: "DISABLE", serial: "000000200003" }));
    await appendAuditEvent(auditEvents.changeIntent({ intent, stateBefore: null }));
    const outcome = (result: "SUCCESS" | "FAILURE" | "UNKNOWN") =>
      auditEvents.changeOutcome({ intent, outcome: result, stateBefore: null, stateAfter: null, durationMs: 1 });
    await appendAuditEvent(outcome("UNKNOWN"));
    await expect(appendAuditEvent(outcome("FAILURE"))).rejects.toThrow();
    const resolution = (result: "APPLIED" | "NOT_APPLIED") =>
      auditEvents.changeResolution({
        intent,
        resolvedBy: { kind: "system", name: "test" },
        resolution: result,
        stateBefore: null,
        observed: null,
        details: {},
      });
    await appendAuditEvent(resolution("APPLIED"));
    await expect(appendAuditEvent(resolution("NOT_APPLIED"))).rejects.toThrow();
    expect(await db().auditEvent.count({ where: { intentId: intent.id } })).toBe(2);
  });

  it("refuses an event that did not come from the catalogue (at the type level) and keeps every column it was given", async () => {
    const id = randomUUID();
    const intent = testIntent(
      testAgent("Ben"),
      testChange({ action: "ENABLE", serial: "000000200004", ticket: "INC-9" }),
      id,
    );
    await appendAuditEvent(auditEvents.changeIntent({ intent, stateBefore: { tokenStatus: "Disabled" } }));
    const row = await db().auditEvent.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      type: "CHANGE_INTENT",
      action: "ENABLE",
      ticket: "INC-9",
      actorName: "Ben",
      actorRole: "AGENT",
    });
    // @ts-expect-error — a hand-made row is not an AuditEvent: typecheck fails if this ever compiles
    const handMade: Parameters<typeof appendAuditEvent>[0] = { type: "LOOKUP", serial: "1" };
    expect(handMade).toBeTruthy();
  });
});
