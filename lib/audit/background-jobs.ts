import "server-only";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { reconcileOpenIntents } from "@/lib/audit/reconcile";
import { verifyNewRows } from "@/lib/audit/verify-now";

/**
 * The audit trail's background work, on every instance: settle unsettled
 * changes, and verify the rows added to the chain since the last verification.
 * Claims and locks in the database make each piece of work happen once.
 */
export function startAuditJobs(): void {
  // A pass slower than the interval (RSA slow to answer) is not joined by a second one of this instance.
  let reconciling = false;
  const reconcile = setInterval(() => {
    if (reconciling) return;
    reconciling = true;
    reconcileOpenIntents()
      .catch((error) => logger().error({ err: error }, "audit reconciliation run failed"))
      .finally(() => (reconciling = false));
  }, env().AUDIT_RECONCILE_EVERY_SECONDS * 1000);
  reconcile.unref();

  const verify = setInterval(() => {
    verifyNewRows()
      .then((result) => {
        if (result && !result.ok) logger().error({ firstBreak: result.firstBreak }, "AUDIT CHAIN BROKEN");
      })
      .catch((error) => logger().error({ err: error }, "scheduled audit verification failed"));
  }, env().AUDIT_VERIFY_EVERY_MINUTES * 60_000);
  verify.unref();
}
