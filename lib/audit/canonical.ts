import { createHmac } from "node:crypto";

/**
 * The versioned canonical form of an audit row that the chain hashes. Changing
 * it means a new version tag, never an edit: old rows must keep verifying.
 */

export const CANONICAL_VERSION = "v1";
export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  seq: bigint;
  id: string;
  type: string;
  occurredAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string | null;
  serial: string | null;
  tokenType: string | null;
  rsaUserId: string | null;
  ticket: string | null;
  reason: string | null;
  note: string | null;
  intentId: string | null;
  outcome: string | null;
  rsaStatus: number | null;
  errorCode: string | null;
  stateBefore: unknown;
  stateAfter: unknown;
  durationMs: number | null;
  requestId: string | null;
  clientIp: string | null;
  userAgent: string | null;
  details: unknown;
}

/** JSON with object keys sorted at every depth, so JSONB's reordering cannot change a hash. */
export function stableJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function canonicalForm(row: ChainedFields): string {
  return stableJson([
    CANONICAL_VERSION,
    row.seq.toString(),
    row.id,
    row.type,
    row.occurredAt.toISOString(),
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
    row.stateBefore ?? null,
    row.stateAfter ?? null,
    row.durationMs,
    row.requestId,
    row.clientIp,
    row.userAgent,
    row.details ?? null,
  ]);
}

export function chainHash(key: Buffer, prevHash: string, row: ChainedFields): string {
  return createHmac("sha256", key).update(prevHash).update("\n").update(canonicalForm(row)).digest("hex");
}
