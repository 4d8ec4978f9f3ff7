import type { Role } from "@/lib/auth/permissions";

/**
 * What the administration page's server side hands to its client components:
 * plain, serializable shapes (times as ISO strings), no secrets. Browser-safe.
 */

export interface AdminUserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  isDemo: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

export interface CheckFinding {
  level: "ok" | "info" | "warn" | "fail";
  text: string;
}

export interface RsaCheckReport {
  checkedAt: string;
  ok: boolean;
  findings: CheckFinding[];
  /** The finding about the clock difference with RSA, when the check could say. */
  clockSkew: CheckFinding | null;
}

export interface VerificationSummary {
  verifiedAt: string;
  ok: boolean;
  rowsChecked: number;
  trigger: string;
  breakSeq: string | null;
  message: string | null;
}

export interface CheckpointSummary {
  at: string;
  seq: string | null;
  by: string;
}

export interface AuditHealth {
  /** Rows in the trail: sequence numbers are gapless from 1, so the head's number is the count. */
  rows: string;
  lastVerification: VerificationSummary | null;
  lastCheckpoint: CheckpointSummary | null;
  /** Changes older than the reconcile delay still without an ending (no OUTCOME, or UNKNOWN, and no RESOLUTION). */
  openIntents: number;
  reconcileAfterSeconds: number;
}

export interface RsaConnection {
  /** demo: the bundled simulator; tenant: a configured RSA tenant; none: nothing configured. */
  mode: "demo" | "tenant" | "none";
  credential: string | null;
  keyFile: string | null;
  /** Legacy key: the access id; OAuth: the client id and the key's kid. */
  keyId: string | null;
  tenantUrl: string | null;
  /** The configuration cannot be used, in a sentence (e.g. the key file cannot be read). */
  problem: string | null;
  state: "up" | "down" | "unknown";
  downSince: string | null;
  lastSuccessAt: string | null;
}

export interface ConfigEntry {
  name: string;
  /** What the page shows: the value, or "set" / "not set". */
  shown: string;
  kind: "value" | "secret" | "unset";
  /** The value is the schema's default (nothing or the default was configured). */
  isDefault: boolean;
}
