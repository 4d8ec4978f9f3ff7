import type { ChainedFields } from "@/lib/audit/canonical";

/** Columns of audit_events in the order the chain and exports read them. */
export const AUDIT_COLUMNS = [
  "seq",
  "id",
  "type",
  "occurred_at",
  "actor_id",
  "actor_email",
  "actor_name",
  "actor_role",
  "action",
  "serial",
  "token_type",
  "rsa_user_id",
  "ticket",
  "reason",
  "note",
  "intent_id",
  "outcome",
  "rsa_status",
  "error_code",
  "state_before",
  "state_after",
  "duration_ms",
  "request_id",
  "client_ip",
  "user_agent",
  "details",
  "prev_hash",
  "hash",
] as const;

export type RawAuditRow = Record<(typeof AUDIT_COLUMNS)[number], unknown>;

export interface StoredAuditRow extends ChainedFields {
  prevHash: string;
  hash: string;
}

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** A row as node-postgres returns it (int8 as string, timestamptz as Date, jsonb parsed). */
export function fromRaw(raw: RawAuditRow): StoredAuditRow {
  return {
    seq: BigInt(raw.seq as string | number | bigint),
    id: String(raw.id),
    type: String(raw.type),
    occurredAt: raw.occurred_at instanceof Date ? raw.occurred_at : new Date(String(raw.occurred_at)),
    actorId: str(raw.actor_id),
    actorEmail: str(raw.actor_email),
    actorName: str(raw.actor_name),
    actorRole: str(raw.actor_role),
    action: str(raw.action),
    serial: str(raw.serial),
    tokenType: str(raw.token_type),
    rsaUserId: str(raw.rsa_user_id),
    ticket: str(raw.ticket),
    reason: str(raw.reason),
    note: str(raw.note),
    intentId: str(raw.intent_id),
    outcome: str(raw.outcome),
    rsaStatus: num(raw.rsa_status),
    errorCode: str(raw.error_code),
    stateBefore: raw.state_before ?? null,
    stateAfter: raw.state_after ?? null,
    durationMs: num(raw.duration_ms),
    requestId: str(raw.request_id),
    clientIp: str(raw.client_ip),
    userAgent: str(raw.user_agent),
    details: raw.details ?? null,
    prevHash: String(raw.prev_hash),
    hash: String(raw.hash),
  };
}
