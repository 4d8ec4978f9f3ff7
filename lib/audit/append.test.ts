import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { appendAuditEvent } from "@/lib/audit/append";
import { chainHash, GENESIS_HASH } from "@/lib/audit/canonical";
import { auditHmacKey } from "@/lib/audit/hmac-key";
import { randomUUID } from "node:crypto";

describe("audit trail append", () => {
  it("chains rows: gapless seq, prev_hash = previous hash, hash = HMAC of the canonical row", async () => {
    for (let i = 0; i < 5; i++) {
      await appendAuditEvent({
        type: "LOOKUP",
        serial: `00000000000${i}`,
        outcome: "FOUND",
        stateBefore: { b: 1, a: [i] },
      });
    }
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
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => appendAuditEvent({ type: "LOOKUP", serial: `1000000000${i}` })),
    );
    const rows = await db().auditEvent.findMany({ orderBy: { seq: "asc" } });
    let prev = GENESIS_HASH;
    rows.forEach((row, i) => {
      expect(Number(row.seq)).toBe(i + 1);
      expect(row.hash).toBe(chainHash(auditHmacKey(), prev, row));
      prev = row.hash;
    });
  });

  it("is append-only in the database: UPDATE, DELETE and TRUNCATE are refused", async () => {
    await appendAuditEvent({ type: "LOOKUP", serial: "000000200002" });
    await expect(db().$executeRawUnsafe(`UPDATE audit_events SET serial = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    expect(await db().auditEvent.count()).toBeGreaterThan(0);
  });

  it("allows at most one OUTCOME per INTENT", async () => {
    const intentId = randomUUID();
    await appendAuditEvent({ id: intentId, type: "CHANGE_INTENT", serial: "000000200003", action: "DISABLE" });
    await appendAuditEvent({ type: "CHANGE_OUTCOME", intentId, outcome: "SUCCESS" });
    await expect(appendAuditEvent({ type: "CHANGE_OUTCOME", intentId, outcome: "FAILURE" })).rejects.toThrow();
    expect(await db().auditEvent.count({ where: { intentId } })).toBe(1);
  });
});
