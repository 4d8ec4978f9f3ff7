import "server-only";
import { db } from "@/lib/db";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { chainHash, GENESIS_HASH, type ChainedFields } from "@/lib/audit/canonical";
import { auditHmacKey } from "@/lib/audit/hmac-key";
import type { AuditEvent } from "@/lib/audit/events";

/**
 * The only way rows enter the audit trail, and it takes only events built by
 * the catalogue in events.ts. Appends are serialised by a
 * transaction-scoped advisory lock, so every app instance extends one chain
 * with gapless sequence numbers.
 */

// Fixed id of the audit chain's advisory lock (any constant unique among our locks).
const AUDIT_CHAIN_LOCK = 72_707_369_002n;

export interface AppendedEvent {
  id: string;
  seq: bigint;
  occurredAt: Date;
}

export async function appendAuditEvent(event: AuditEvent): Promise<AppendedEvent> {
  const key = auditHmacKey();
  const fields: Omit<ChainedFields, "seq"> = event;
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
    const head = await tx.$queryRaw<{ seq: bigint; hash: string }[]>`
      SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1`;
    const seq = (head[0]?.seq ?? 0n) + 1n;
    const prevHash = head[0]?.hash ?? GENESIS_HASH;
    const row: ChainedFields = { ...fields, seq };
    const hash = chainHash(key, prevHash, row);
    await tx.auditEvent.create({
      data: {
        ...row,
        type: row.type as AuditEventType,
        stateBefore: (row.stateBefore ?? undefined) as never,
        stateAfter: (row.stateAfter ?? undefined) as never,
        details: (row.details ?? undefined) as never,
        prevHash,
        hash,
      },
    });
    return { id: row.id, seq, occurredAt: row.occurredAt };
  });
}
