import { describe, expect, it } from "vitest";
import pg from "pg";
import { appendAuditEvent } from "@/lib/audit/append";
import { auditEvents, NO_REQUEST } from "@/lib/audit/events";
import { auditHmacKey } from "@/lib/audit/hmac-key";
import { makeCheckpoint, parseCheckpoints } from "@/lib/audit/checkpoint";
import { verifyChain } from "@/lib/audit/verify-chain";
import { databaseUrl } from "@/lib/db";
import { createEmptyDatabase } from "@/lib/test-support/databases";
import { migrate } from "@/lib/db/migrations";

/** Tampering as a database superuser would do it: triggers switched off for the session. */
async function tamper(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET session_replication_role = replica");
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function freshChain() {
  const db = await createEmptyDatabase();
  await migrate(db.url);
  return db;
}

// appendAuditEvent writes to this file's own database; each tamper test copies it first.
async function seedChain(count: number) {
  for (let i = 1; i <= count; i++)
    await appendAuditEvent(
      auditEvents.lookup({
        actor: { kind: "anonymous" },
        request: NO_REQUEST,
        serial: String(100000000000 + i),
        tokenType: "SID700",
        rsaUserId: null,
        outcome: "FOUND",
        details: { i },
      }),
    );
}

async function copyOfChain(): Promise<{ url: string; drop(): Promise<void> }> {
  const copy = await freshChain();
  const source = new pg.Client({ connectionString: databaseUrl() });
  await source.connect();
  const rows = (await source.query("SELECT * FROM audit_events ORDER BY seq")).rows;
  await source.end();
  const target = new pg.Client({ connectionString: copy.url });
  await target.connect();
  for (const r of rows) {
    const cols = Object.keys(r);
    await target.query(
      `INSERT INTO audit_events (${cols.join(",")}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(",")})`,
      cols.map((c) =>
        r[c] !== null && typeof r[c] === "object" && !(r[c] instanceof Date) ? JSON.stringify(r[c]) : r[c],
      ),
    );
  }
  await target.end();
  return copy;
}

describe("audit chain verification", async () => {
  await seedChain(12);

  it("accepts an untouched chain and reports its head", async () => {
    const result = await verifyChain(databaseUrl(), auditHmacKey());
    expect(result).toMatchObject({ ok: true, rowsChecked: 12, head: { seq: "12" }, firstBreak: null });
  });

  const cases: [string, string, string, string][] = [
    ["a changed field", "UPDATE audit_events SET serial = '999999999999' WHERE seq = 5", "5", "edited"],
    ["a deleted row", "DELETE FROM audit_events WHERE seq = 7", "7", "missing-rows"],
    [
      "an inserted row",
      `UPDATE audit_events SET seq = seq + 100 WHERE seq >= 4; UPDATE audit_events SET seq = seq - 99 WHERE seq >= 104;
       INSERT INTO audit_events (seq, id, type, occurred_at, prev_hash, hash) SELECT 4, gen_random_uuid(), 'LOOKUP', now(), hash, repeat('a', 64) FROM audit_events WHERE seq = 3`,
      "4",
      "edited",
    ],
    [
      "swapped rows",
      `UPDATE audit_events SET seq = -1 WHERE seq = 8; UPDATE audit_events SET seq = 8 WHERE seq = 9; UPDATE audit_events SET seq = 9 WHERE seq = -1`,
      "8",
      "inserted-or-reordered",
    ],
  ];

  for (const [name, sql, seq, problem] of cases) {
    it(`names the first broken row for ${name}`, async () => {
      const copy = await copyOfChain();
      try {
        expect((await verifyChain(copy.url, auditHmacKey())).ok).toBe(true);
        await tamper(copy.url, sql);
        const result = await verifyChain(copy.url, auditHmacKey());
        expect(result.ok).toBe(false);
        expect(result.firstBreak).toMatchObject({ seq, problem });
      } finally {
        await copy.drop();
      }
    });
  }

  it("detects a truncated tail only with a checkpoint, and rejects a forged checkpoint", async () => {
    const copy = await copyOfChain();
    try {
      const before = await verifyChain(copy.url, auditHmacKey());
      const line = JSON.stringify(makeCheckpoint(auditHmacKey(), before.head!));
      await tamper(copy.url, "DELETE FROM audit_events WHERE seq > 10");
      expect((await verifyChain(copy.url, auditHmacKey())).ok).toBe(true); // nothing inside the chain shows it…
      const result = await verifyChain(copy.url, auditHmacKey(), {
        checkpoints: parseCheckpoints(auditHmacKey(), line),
      });
      expect(result).toMatchObject({ ok: false, firstBreak: { problem: "truncated", seq: "11" } }); // …the checkpoint does
      const forged = line.replace(/"seq":"12"/, '"seq":"13"');
      expect(() => parseCheckpoints(auditHmacKey(), forged)).toThrow(/bad signature/);
    } finally {
      await copy.drop();
    }
  });
});
