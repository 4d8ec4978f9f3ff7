import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { AuditEventType } from "@/lib/generated/prisma/enums";
import { chainHash, GENESIS_HASH, type ChainedFields } from "@/lib/audit/canonical";
import { auditHmacKey } from "@/lib/audit/hmac-key";

/**
 * The only way rows enter the audit trail. Appends are serialised by a
 * transaction-scoped advisory lock, so every app instance extends one chain
 * with gapless sequence numbers.
 */

// Fixed id of the audit chain's advisory lock (any constant unique among our locks).
const AUDIT_CHAIN_LOCK = 72_707_369_002n;

export type AuditEventInput = Partial<Omit<ChainedFields, "seq" | "id" | "type" | "occurredAt">> & {
  type: AuditEventType;
  id?: string;
  occurredAt?: Date;
};

export interface AppendedEvent {
  id: string;
  seq: bigint;
  occurredAt: Date;
}

function normalise(input: AuditEventInput): Omit<ChainedFields, "seq"> {
  return {
    id: input.id ?? randomUUID(),
    type: input.type,
    occurredAt: input.occurredAt ?? new Date(),
    actorId: input.actorId ?? null,
    actorEmail: input.actorEmail ?? null,
    actorName: input.actorName ?? null,
    actorRole: input.actorRole ?? null,
    action: input.action ?? null,
    serial: input.serial ?? null,
    tokenType: input.tokenType ?? null,
    rsaUserId: input.rsaUserId ?? null,
    ticket: input.ticket ?? null,
    reason: input.reason ?? null,
    note: input.note ?? null,
    intentId: input.intentId ?? null,
    outcome: input.outcome ?? null,
    rsaStatus: input.rsaStatus ?? null,
    errorCode: input.errorCode ?? null,
    stateBefore: input.stateBefore ?? null,
    stateAfter: input.stateAfter ?? null,
    durationMs: input.durationMs ?? null,
    requestId: input.requestId ?? null,
    clientIp: input.clientIp ?? null,
    userAgent: input.userAgent?.slice(0, 512) ?? null,
    details: input.details ?? null,
  };
}

export async function appendAuditEvent(input: AuditEventInput): Promise<AppendedEvent> {
  const key = auditHmacKey();
  const fields = normalise(input);
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
