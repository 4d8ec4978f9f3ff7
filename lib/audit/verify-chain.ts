import "server-only";
import pg from "pg";
import { chainHash, GENESIS_HASH } from "@/lib/audit/canonical";
import { AUDIT_COLUMNS, fromRaw, type RawAuditRow } from "@/lib/audit/row-mapping";
import type { Checkpoint } from "@/lib/audit/checkpoint";

/**
 * Walks the audit chain from the first row and names the first place it
 * breaks: an edited row (hash), a deleted or inserted row (sequence gap or
 * previous-hash mismatch), reordered rows, or a tail cut off after a checkpoint.
 */

export interface ChainBreak {
  seq: string;
  problem: "edited" | "missing-rows" | "inserted-or-reordered" | "truncated" | "checkpoint-mismatch";
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  rowsChecked: number;
  head: { seq: string; hash: string } | null;
  firstBreak: ChainBreak | null;
  checkpointsChecked: number;
  /** Another instance was verifying already; nothing was walked. */
  skipped?: boolean;
}

const BATCH = 10_000;

export interface VerifyOptions {
  checkpoints?: Checkpoint[];
  /** Start after a row verified before (incremental runs), instead of at the genesis. */
  after?: { seq: bigint; hash: string } | null;
  /** Inside the walk's transaction: false skips the walk (another instance holds the lock). */
  lock?: (client: pg.ClientBase) => Promise<boolean>;
}

export async function verifyChain(
  connectionString: string,
  key: Buffer,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const checkpoints = options.checkpoints ?? [];
  const client = new pg.Client({ connectionString });
  await client.connect();
  let prevHash = options.after?.hash ?? GENESIS_HASH;
  let expectedSeq = (options.after?.seq ?? 0n) + 1n;
  let rowsChecked = 0;
  let firstBreak: ChainBreak | null = null;
  const wanted = new Map(checkpoints.map((c) => [BigInt(c.seq), c]));
  const seen = new Set<bigint>();
  try {
    // A repeatable-read snapshot: rows appended while we walk don't confuse the walk.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    if (options.lock && !(await options.lock(client))) {
      await client.query("ROLLBACK");
      return { ok: true, rowsChecked: 0, head: null, firstBreak: null, checkpointsChecked: 0, skipped: true };
    }
    if (options.after) {
      // The row the last run ended on must still be the row it saw, whole: a cut, or an edit of it, shows here.
      const anchor = await client.query<RawAuditRow>(
        `SELECT ${AUDIT_COLUMNS.join(", ")} FROM audit_events WHERE seq = $1`,
        [options.after.seq.toString()],
      );
      const row = anchor.rows[0] ? fromRaw(anchor.rows[0]) : null;
      if (!row || row.hash !== options.after.hash || chainHash(key, row.prevHash, row) !== row.hash) {
        firstBreak = {
          seq: options.after.seq.toString(),
          problem: row ? "edited" : "truncated",
          message: `row ${options.after.seq} is not the row verified last time: the chain was changed or cut since`,
        };
      }
    }
    // Fetch the next batch while hashing this one: the walk is bound by whichever is slower.
    const fetchAfter = (after: bigint) =>
      client.query<RawAuditRow>(
        `SELECT ${AUDIT_COLUMNS.join(", ")} FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT ${BATCH}`,
        [after.toString()],
      );
    let pending: Promise<pg.QueryResult<RawAuditRow>> | null = firstBreak ? null : fetchAfter(expectedSeq - 1n);
    while (pending) {
      const { rows }: pg.QueryResult<RawAuditRow> = await pending;
      const lastRaw = rows.at(-1);
      pending = rows.length === BATCH && lastRaw ? fetchAfter(BigInt(lastRaw.seq as string)) : null;
      for (const raw of rows) {
        const row = fromRaw(raw);
        rowsChecked++;
        if (!firstBreak) {
          if (row.seq !== expectedSeq) {
            firstBreak = {
              seq: expectedSeq.toString(),
              problem: row.seq > expectedSeq ? "missing-rows" : "inserted-or-reordered",
              message: `row ${expectedSeq} is missing: the sequence jumps from ${expectedSeq - 1n} to ${row.seq}`,
            };
          } else if (row.prevHash !== prevHash) {
            firstBreak = {
              seq: row.seq.toString(),
              problem: "inserted-or-reordered",
              message: `row ${row.seq} does not follow row ${row.seq - 1n}: a row was inserted, removed or moved here`,
            };
          } else if (chainHash(key, prevHash, row) !== row.hash) {
            firstBreak = {
              seq: row.seq.toString(),
              problem: "edited",
              message: `row ${row.seq} was changed after it was written`,
            };
          }
          const checkpoint = wanted.get(row.seq);
          if (!firstBreak && checkpoint) {
            seen.add(row.seq);
            if (checkpoint.hash !== row.hash)
              firstBreak = {
                seq: row.seq.toString(),
                problem: "checkpoint-mismatch",
                message: `row ${row.seq} differs from the checkpoint taken at ${checkpoint.at}`,
              };
          }
        }
        prevHash = row.hash;
        expectedSeq = row.seq + 1n;
      }
    }
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  if (!firstBreak) {
    const beyond = checkpoints
      .filter((c) => !seen.has(BigInt(c.seq)))
      .sort((a, b) => Number(BigInt(a.seq) - BigInt(b.seq)))[0];
    if (beyond) {
      firstBreak = {
        seq: String(expectedSeq),
        problem: "truncated",
        message: `the chain ends at row ${expectedSeq - 1n}, but a checkpoint taken at ${beyond.at} saw row ${beyond.seq}: rows were cut from the end`,
      };
    }
  }
  return {
    ok: firstBreak === null,
    rowsChecked,
    head: rowsChecked > 0 || options.after ? { seq: (expectedSeq - 1n).toString(), hash: prevHash } : null,
    firstBreak,
    checkpointsChecked: checkpoints.length,
  };
}
