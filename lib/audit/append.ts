import "server-only";
import type pg from "pg";
import { pgPool } from "@/lib/db/pg-pool";
import { chainHash, GENESIS_HASH, type ChainedFields } from "@/lib/audit/canonical";
import { auditHmacKey } from "@/lib/audit/hmac-key";
import type { AuditEvent } from "@/lib/audit/events";
import { AUDIT_COLUMNS } from "@/lib/audit/row-mapping";

/**
 * The only way rows enter the audit trail, and it takes only events built by
 * the catalogue in events.ts. Every instance extends one chain: appends take a
 * transaction-scoped advisory lock, read the head, and insert with gapless
 * sequence numbers.
 *
 * Group commit: appends that arrive while a batch is being written wait and go
 * together in the next transaction (one lock, one head read, one INSERT), so a
 * burst of events costs a few round trips instead of one queue slot each. A
 * promise resolves only once its row is committed. A batch the database
 * refuses (say, a second OUTCOME for one INTENT) is retried one event at a
 * time, so only the offending event fails.
 */

// Fixed id of the audit chain's advisory lock (any constant unique among our locks).
const AUDIT_CHAIN_LOCK = "72707369002";
const MAX_BATCH = 200;

export interface AppendedEvent {
  id: string;
  seq: bigint;
  occurredAt: Date;
}

interface Pending {
  event: AuditEvent;
  resolve: (appended: AppendedEvent) => void;
  reject: (error: unknown) => void;
}

const JSON_COLUMNS = new Set(["state_before", "state_after", "details"]);

async function writeBatch(client: pg.PoolClient, events: readonly AuditEvent[]): Promise<AppendedEvent[]> {
  const key = auditHmacKey();
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [AUDIT_CHAIN_LOCK]);
    const head = await client.query<{ seq: string; hash: string }>(
      "SELECT e.seq::text AS seq, e.hash FROM audit_events e ORDER BY e.seq DESC LIMIT 1",
    );
    let seq = BigInt(head.rows[0]?.seq ?? 0);
    let prevHash = head.rows[0]?.hash ?? GENESIS_HASH;
    const values: unknown[] = [];
    const tuples: string[] = [];
    const appended: AppendedEvent[] = [];
    for (const event of events) {
      seq += 1n;
      const row: ChainedFields = { ...event, seq };
      const hash = chainHash(key, prevHash, row);
      const record = rowValues(row, prevHash, hash);
      tuples.push(`(${record.map((_, i) => placeholder(values.length + i + 1, AUDIT_COLUMNS[i]!)).join(", ")})`);
      values.push(...record);
      appended.push({ id: row.id, seq, occurredAt: row.occurredAt });
      prevHash = hash;
    }
    await client.query(`INSERT INTO audit_events (${AUDIT_COLUMNS.join(", ")}) VALUES ${tuples.join(", ")}`, values);
    await client.query("COMMIT");
    return appended;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

function placeholder(index: number, column: string): string {
  if (column === "type") return `$${index}::"AuditEventType"`;
  return JSON_COLUMNS.has(column) ? `$${index}::jsonb` : `$${index}`;
}

/** The row in AUDIT_COLUMNS order, as node-postgres sends it. */
function rowValues(row: ChainedFields, prevHash: string, hash: string): unknown[] {
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  return [
    row.seq.toString(),
    row.id,
    row.type,
    row.occurredAt,
    row.actorId,
    row.actorEmail,
    row.actorName,
    row.actorRole,
    row.action,
    row.serial,
    row.tokenType,
    row.rsaUserId,
    row.ticket,
    row.reason,
    row.note,
    row.intentId,
    row.outcome,
    row.rsaStatus,
    row.errorCode,
    json(row.stateBefore),
    json(row.stateAfter),
    row.durationMs,
    row.requestId,
    row.clientIp,
    row.userAgent,
    json(row.details),
    prevHash,
    hash,
  ];
}

let queue: Pending[] = [];
let draining = false;

async function drain(): Promise<void> {
  draining = true;
  try {
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      await writeWithIsolation(batch);
    }
  } finally {
    draining = false;
  }
}

async function writeWithIsolation(batch: Pending[]): Promise<void> {
  let client: pg.PoolClient;
  try {
    client = await pgPool().connect();
  } catch (error) {
    for (const pending of batch) pending.reject(error);
    return;
  }
  try {
    const results = await writeBatch(
      client,
      batch.map((p) => p.event),
    );
    batch.forEach((pending, i) => pending.resolve(results[i]!));
  } catch (error) {
    if (batch.length === 1) {
      batch[0]!.reject(error);
      return;
    }
    for (const pending of batch) {
      await writeBatch(client, [pending.event]).then(
        ([appended]) => pending.resolve(appended!),
        (single: unknown) => pending.reject(single),
      );
    }
  } finally {
    client.release();
  }
}

export function appendAuditEvent(event: AuditEvent): Promise<AppendedEvent> {
  return new Promise((resolve, reject) => {
    queue.push({ event, resolve, reject });
    if (!draining) void drain();
  });
}
