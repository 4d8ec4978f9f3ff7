import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { appendAuditEvent } from "@/lib/audit/append";
import { chainHash, GENESIS_HASH } from "@/lib/audit/canonical";
import { auditEvents, NO_REQUEST } from "@/lib/audit/events";
import { auditHmacKey } from "@/lib/audit/hmac-key";
import { testAgent, testChange, testIntent } from "@/lib/test-support/audit-events";
import { verifyChain } from "@/lib/audit/verify-chain";
import { pgPool } from "@/lib/db/pg-pool";

/** The whole chain checked the way `npm run audit:verify` does, and seq gapless from 1. */
async function expectOneChain() {
  const result = await verifyChain(process.env.DATABASE_URL!, auditHmacKey());
  expect(result.ok).toBe(true);
  const [row] = await db().$queryRaw<
    { n: bigint; last: bigint }[]
  >`SELECT count(*) AS n, max(seq) AS last FROM audit_events`;
  expect(row!.n).toBe(row!.last);
}

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

  it("chains after rows another instance appended meanwhile (it took the next seq first)", async () => {
    await appendAuditEvent(lookup("000000200010"));
    // Another instance extends the chain: this process's remembered head is one row behind.
    const head = (await db().auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } }))!;
    const other = { ...lookup("000000200011"), seq: head.seq + 1n };
    const hash = chainHash(auditHmacKey(), head.hash, other);
    await pgPool().query(
      `INSERT INTO audit_events (seq, id, type, occurred_at, actor_role, serial, token_type, outcome, prev_hash, hash)
       VALUES ($1, $2, 'LOOKUP', $3, $4, $5, $6, $7, $8, $9)`,
      [
        other.seq.toString(),
        other.id,
        other.occurredAt,
        other.actorRole,
        other.serial,
        other.tokenType,
        other.outcome,
        head.hash,
        hash,
      ],
    );
    const appended = await appendAuditEvent(lookup("000000200012"));
    expect(appended.seq).toBe(head.seq + 2n);
    await expectOneChain();
  });

  it("never leaves a gap when the chain is shorter than this process remembers (a database restored meanwhile)", async () => {
    await appendAuditEvent(lookup("000000200020"));
    const last = await appendAuditEvent(lookup("000000200021"));
    // The restore: the last row is gone (only the owner, with the triggers off, could do this).
    await db().$executeRawUnsafe("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete");
    await db().$executeRawUnsafe(`DELETE FROM audit_events WHERE seq = ${last.seq}`);
    await db().$executeRawUnsafe("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete");
    const appended = await appendAuditEvent(lookup("000000200022"));
    expect(appended.seq).toBe(last.seq);
    await expectOneChain();
  });

  it("keeps one chain when two instances append at once, each with its own queue and remembered head", async () => {
    const state = globalThis as unknown as { tokendeskAuditAppender?: unknown };
    const mine = state.tokendeskAuditAppender;
    delete state.tokendeskAuditAppender;
    vi.resetModules();
    const second = await import("@/lib/audit/append");
    const events = await import("@/lib/audit/events");
    state.tokendeskAuditAppender = mine;
    const theirs = (serial: string) =>
      events.auditEvents.lookup({
        actor: { kind: "anonymous" },
        request: NO_REQUEST,
        serial,
        tokenType: "SID700",
        rsaUserId: null,
        outcome: "FOUND",
      });
    const written = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        i % 2 ? appendAuditEvent(lookup(`30000000${100 + i}`)) : second.appendAuditEvent(theirs(`40000000${100 + i}`)),
      ),
    );
    expect(new Set(written.map((w) => w.seq)).size).toBe(60);
    await expectOneChain();
  });
});
