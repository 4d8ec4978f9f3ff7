import { existsSync } from "node:fs";
import path from "node:path";
import { env, resetEnvCache } from "../lib/env";

/** Local runs keep the audit key in the data folder (made by `npm start`); use it when none is configured. */
export async function loadLocalAuditKey(): Promise<void> {
  const e = env();
  if (e.AUDIT_HMAC_KEY || e.AUDIT_HMAC_KEY_FILE) return;
  const file = path.resolve(e.DATA_DIR, "audit-hmac-key");
  if (existsSync(file)) {
    process.env.AUDIT_HMAC_KEY_FILE = file;
    resetEnvCache();
  }
}
