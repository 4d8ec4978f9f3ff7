// npm run audit:reconcile — resolves change INTENTs left without an OUTCOME.
import { reconcileOpenIntents } from "../lib/audit/reconcile";
import { loadLocalAuditKey } from "./local-audit-key";
import { runMain, withDatabase } from "./cli-support";

runMain(async () => {
  await loadLocalAuditKey();
  return withDatabase(async () => {
    const report = await reconcileOpenIntents();
    if (report.examined === 0) console.log("No open change intents: every change in the audit trail has an outcome.");
    for (const r of report.resolved) console.log(`Resolved ${r.intentId} (serial ${r.serial}): ${r.resolution}`);
    for (const d of report.deferred)
      console.log(`Deferred ${d.intentId} (serial ${d.serial}): ${d.reason}; will retry`);
    return report.deferred.length > 0 ? 1 : 0;
  });
}, ["AuditKeyError", "RsaConfigError"]);
