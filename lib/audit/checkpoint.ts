import { createHmac, timingSafeEqual } from "node:crypto";
import { stableJson } from "@/lib/audit/canonical";

/**
 * A signed statement of the chain head ("row N had hash H at time T"), to
 * ship off the box. Verify compares the chain with every checkpoint it is given,
 * which proves nothing was cut from the end since.
 */

export interface Checkpoint {
  kind: "tokendesk-audit-checkpoint";
  version: 1;
  seq: string;
  hash: string;
  at: string;
  signature: string;
}

// A key derived from the audit key, so a checkpoint signature cannot double as a row hash.
function checkpointKey(auditKey: Buffer): Buffer {
  return createHmac("sha256", auditKey).update("tokendesk audit checkpoint v1").digest();
}

function sign(auditKey: Buffer, body: Omit<Checkpoint, "signature">): string {
  return createHmac("sha256", checkpointKey(auditKey)).update(stableJson(body)).digest("hex");
}

export function makeCheckpoint(auditKey: Buffer, head: { seq: string; hash: string }, at = new Date()): Checkpoint {
  const body = {
    kind: "tokendesk-audit-checkpoint" as const,
    version: 1 as const,
    seq: head.seq,
    hash: head.hash,
    at: at.toISOString(),
  };
  return { ...body, signature: sign(auditKey, body) };
}

export class CheckpointError extends Error {
  name = "CheckpointError";
}

/** Parses a file of checkpoint lines; a forged or damaged line is an error, not skipped. */
export function parseCheckpoints(auditKey: Buffer, text: string): Checkpoint[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, number }) => {
      let parsed: Checkpoint;
      try {
        parsed = JSON.parse(line) as Checkpoint;
      } catch {
        throw new CheckpointError(`checkpoint line ${number} is not JSON`);
      }
      const { signature, ...body } = parsed;
      if (
        parsed.kind !== "tokendesk-audit-checkpoint" ||
        typeof signature !== "string" ||
        !/^\d+$/.test(String(parsed.seq))
      )
        throw new CheckpointError(`checkpoint line ${number} is not a tokendesk checkpoint`);
      const expected = Buffer.from(sign(auditKey, body), "hex");
      const actual = Buffer.from(signature, "hex");
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual))
        throw new CheckpointError(`checkpoint line ${number} has a bad signature (wrong key, or edited)`);
      return parsed;
    });
}
