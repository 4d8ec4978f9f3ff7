import "server-only";
import { readFileSync } from "node:fs";
import { env } from "@/lib/env";

/**
 * The audit chain's HMAC key: AUDIT_HMAC_KEY, or the contents of
 * AUDIT_HMAC_KEY_FILE. Never stored in the database — whoever can write the
 * database cannot forge a chain without it. `npm start` generates one into the
 * data folder for local and demo runs.
 */
let cached: Buffer | undefined;

export class AuditKeyError extends Error {
  name = "AuditKeyError";
}

export function auditHmacKey(): Buffer {
  if (cached) return cached;
  const e = env();
  let key = e.AUDIT_HMAC_KEY;
  if (!key && e.AUDIT_HMAC_KEY_FILE) {
    try {
      key = readFileSync(e.AUDIT_HMAC_KEY_FILE, "utf8").trim();
    } catch {
      throw new AuditKeyError(`AUDIT_HMAC_KEY_FILE: cannot read ${e.AUDIT_HMAC_KEY_FILE}`);
    }
  }
  if (!key)
    throw new AuditKeyError("AUDIT_HMAC_KEY (or AUDIT_HMAC_KEY_FILE) is not set: the audit trail cannot be written.");
  if (key.length < 32) throw new AuditKeyError("The audit HMAC key must be at least 32 characters.");
  cached = Buffer.from(key, "utf8");
  return cached;
}

export function resetAuditKeyCache(): void {
  cached = undefined;
}
