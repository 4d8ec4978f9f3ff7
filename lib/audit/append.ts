import "server-only";
import type pg from "pg";
import { pgPool } from "@/lib/db/pg-pool";
import { chainHash, GENESIS_HASH, type ChainedFields } from "@/lib/audit/canonical";
import { auditHmacKey } from "@/lib/audit/hmac-key";
import type { AuditEvent } from "@/lib/audit/events";
import { AUDIT_COLUMNS } from "@/lib/audit/row-mapping";

/**
 * The only way rows enter the audit trail, and it takes only events built by
 * the catalogue in events.ts. Every instance extends one chain: seq is the
 * primary key and each row names the previous row's hash, so two writers can
 * never both extend the same head, and every insert holds the chain's
 * transaction-scoped advisory lock.
 *
 * Group commit: appends that arrive while a batch is being written wait and go
 * together in the next statement, so a burst of events costs one round trip
 * instead of one queue slot each. A promise resolves only once its row is
 * committed. A batch the database refuses (say, a second OUTCOME for one
 * INTENT) is retried one event at a time, so only the offending event fails.
 *
 * One round trip per batch (docs/decisions/0009-audit-append-one-round-trip.md):
 * the head this process last wrote is remembered, and the batch is inserted
 * after it in a single autocommitted statement that takes the lock and
 * inserts only if that row is still the head (seq and hash as remembered; the
 * primary key refuses seq + 1 if another instance took it meanwhile). When it
 * is not — another instance appended, or this process has not written yet —
 * the batch is written the careful way: lock, read the head, insert, commit.
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

interface ChainHead {
  seq: bigint;
  hash: string;
}

const JSON_COLUMNS = new Set(["state_before", "state_after", "details"]);

// Column types for the single-statement insert, whose VALUES sit in a SELECT (no target types to infer from).
const COLUMN_TYPES: Partial<Record<(typeof AUDIT_COLUMNS)[number], string>> = {
  seq: "bigint",
  id: "uuid",
  type: '"AuditEventType"',
  occurred_at: "timestamptz",
  actor_id: "uuid",
  intent_id: "uuid",
  rsa_status: "integer",
  duration_ms: "integer",
  state_before: "jsonb",
  state_after: "jsonb",
  details: "jsonb",
};

/** The chained rows of a batch after a head: their values, and what each append resolves to. */
function chainAfter(head: ChainHead | null, events: readonly AuditEvent[]) {
  const key = auditHmacKey();
  let seq = head?.seq ?? 0n;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const rows: unknown[][] = [];
  const appended: AppendedEvent[] = [];
  for (const event of events) {
    seq += 1n;
    const row: ChainedFields = { ...event, seq };
    const hash = chainHash(key, prevHash, row);
    rows.push(rowValues(row, prevHash, hash));
    appended.push({ id: row.id, seq, occurredAt: row.occurredAt });
    prevHash = hash;
  }
  return { rows, appended, head: { seq, hash: prevHash } };
}

function valuesList(rows: unknown[][], values: unknown[], cast: (index: number, column: string) => string): string {
  return rows
    .map((record) => {
      const tuple = record.map((_, i) => cast(values.length + i + 1, AUDIT_COLUMNS[i]!));
      values.push(...record);
      return `(${tuple.join(", ")})`;
    })
    .join(", ");
}

/** The careful way: lock, read the head, insert, commit (three round trips). */
async function insertUnderLock(client: pg.PoolClient, events: readonly AuditEvent[]) {
  // One simple-protocol message: BEGIN, the lock, and the head read after the lock is held.
  const results = (await client.query(
    `BEGIN; SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}); SELECT e.seq::text AS seq, e.hash FROM audit_events e ORDER BY e.seq DESC LIMIT 1`,
  )) as unknown as pg.QueryResult<{ seq: string; hash: string }>[];
  try {
    const found = results[2]!.rows[0];
    const chained = chainAfter(found ? { seq: BigInt(found.seq), hash: found.hash } : null, events);
    const values: unknown[] = [];
    const tuples = valuesList(chained.rows, values, placeholder);
    await client.query(`INSERT INTO audit_events (${AUDIT_COLUMNS.join(", ")}) VALUES ${tuples}`, values);
    await client.query("COMMIT");
    return chained;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/**
 * One autocommitted statement: the lock, then the batch — only if the given
 * head still is the head. Null when it is not (nothing was written).
 */
async function insertAfterHead(client: pg.PoolClient, head: ChainHead, events: readonly AuditEvent[]) {
  const chained = chainAfter(head, events);
  const values: unknown[] = [head.seq.toString(), head.hash];
  const tuples = valuesList(chained.rows, values, (index, column) => {
    const type = COLUMN_TYPES[column as keyof typeof COLUMN_TYPES];
    return type ? `$${index}::${type}` : `$${index}::text`;
  });
  try {
    const result = await client.query(
      `WITH chain_lock AS MATERIALIZED (SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}) AS held)
       INSERT INTO audit_events (${AUDIT_COLUMNS.join(", ")})
       SELECT v.* FROM (VALUES ${tuples}) AS v
        WHERE EXISTS (SELECT 1 FROM chain_lock)
          AND EXISTS (SELECT 1 FROM audit_events e WHERE e.seq = $1::bigint AND e.hash = $2::text)`,
      values,
    );
    return result.rowCount === events.length ? chained : null;
  } catch (error) {
    // Another instance took seq + 1 after this statement's snapshot: the head moved on.
    if ((error as { code?: string; constraint?: string }).constraint === "audit_events_pkey") return null;
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

/**
 * The queue, and the head this process last wrote, are kept on globalThis:
 * Next.js bundles this module once for route handlers and again for pages and
 * server actions, and all of them must share one group commit.
 */
interface Appender {
  queue: Pending[];
  draining: boolean;
  head: { pool: pg.Pool; at: ChainHead } | null;
}
const appender = ((globalThis as unknown as { tokendeskAuditAppender?: Appender }).tokendeskAuditAppender ??= {
  queue: [],
  draining: false,
  head: null,
});

async function writeBatch(client: pg.PoolClient, pool: pg.Pool, events: readonly AuditEvent[]) {
  const known = appender.head?.pool === pool ? appender.head.at : null;
  const chained = (known && (await insertAfterHead(client, known, events))) || (await insertUnderLock(client, events));
  appender.head = { pool, at: chained.head };
  return chained.appended;
}

async function drain(): Promise<void> {
  appender.draining = true;
  try {
    while (appender.queue.length > 0) {
      const batch = appender.queue.splice(0, MAX_BATCH);
      await writeWithIsolation(batch);
    }
  } finally {
    appender.draining = false;
  }
}

async function writeWithIsolation(batch: Pending[]): Promise<void> {
  let client: pg.PoolClient;
  const pool = pgPool();
  try {
    client = await pool.connect();
  } catch (error) {
    for (const pending of batch) pending.reject(error);
    return;
  }
  try {
    const results = await writeBatch(
      client,
      pool,
      batch.map((p) => p.event),
    );
    batch.forEach((pending, i) => pending.resolve(results[i]!));
  } catch (error) {
    if (batch.length === 1) {
      batch[0]!.reject(error);
      return;
    }
    for (const pending of batch) {
      await writeBatch(client, pool, [pending.event]).then(
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
    appender.queue.push({ event, resolve, reject });
    if (!appender.draining) void drain();
  });
}
