import pg from "pg";
import { describe, expect, it } from "vitest";
import { appendAuditEvent } from "@/lib/audit/append";
import { auditEvents, NO_REQUEST } from "@/lib/audit/events";
import { lastVerification } from "@/lib/audit/record-verification";
import { verifyNewRows, verifyWholeChain } from "@/lib/audit/verify-now";
import { databaseUrl } from "@/lib/db";

const addRows = async (count: number, from: number) => {
  for (let i = 0; i < count; i++)
    await appendAuditEvent(
      auditEvents.lookup({
        actor: { kind: "anonymous" },
        request: NO_REQUEST,
        serial: String(400000000000 + from + i),
        tokenType: "SID700",
        rsaUserId: null,
        outcome: "FOUND",
      }),
    );
};

describe("scheduled verification", () => {
  it("walks only the rows added since the last good verification, and records each run", async () => {
    await addRows(30, 0);
    const first = await verifyNewRows();
    expect(first).toMatchObject({ ok: true, rowsChecked: 30, head: { seq: "30" } });
    await addRows(5, 30);
    const second = await verifyNewRows();
    expect(second).toMatchObject({ ok: true, rowsChecked: 5, head: { seq: "35" } });
    const recorded = await lastVerification();
    expect(recorded).toMatchObject({ trigger: "timer", ok: true, rowsChecked: 5, fromSeq: 30n, headSeq: 35n });
    const nothingNew = await verifyNewRows();
    expect(nothingNew).toMatchObject({ ok: true, rowsChecked: 0, head: { seq: "35" } });
  });

  it("runs on one instance at a time: while another holds the walk, it skips", async () => {
    await addRows(3, 100);
    const other = new pg.Client({ connectionString: databaseUrl() });
    await other.connect();
    await other.query("BEGIN");
    await other.query("SELECT pg_advisory_xact_lock(72707369003)"); // as another instance's walk would
    expect(await verifyNewRows()).toBeNull();
    await other.query("COMMIT");
    await other.end();
    expect(await verifyNewRows()).toMatchObject({ ok: true });
  });

  it("notices when the row it ended on last time was changed or the tail was cut", async () => {
    await addRows(3, 200);
    expect((await verifyWholeChain("command")).ok).toBe(true);
    const head = (await lastVerification())!.headSeq!;
    const owner = new pg.Client({ connectionString: databaseUrl() });
    await owner.connect();
    await owner.query("SET session_replication_role = replica");
    await owner.query("UPDATE audit_events SET serial = 'x' WHERE seq = $1", [head.toString()]);
    await owner.end();
    const result = await verifyNewRows();
    expect(result).toMatchObject({ ok: false, firstBreak: { seq: head.toString(), problem: "edited" } });
    expect(await lastVerification()).toMatchObject({ ok: false, trigger: "timer" });
  });
});
