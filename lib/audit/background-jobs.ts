import "server-only";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { reconcileOpenIntents } from "@/lib/audit/reconcile";
import { verifyNewRows } from "@/lib/audit/verify-now";

const RECONCILE_EVERY_MS = 30_000;

/**
 * The audit trail's background work, on every instance: settle unsettled
 * changes, and verify the rows added to the chain since the last verification.
 * Claims and locks in the database make each piece of work happen once.
 */
export function startAuditJobs(): void {
  const reconcile = setInterval(() => {
    reconcileOpenIntents().catch((error) => logger().error({ err: error }, "audit reconciliation run failed"));
  }, RECONCILE_EVERY_MS);
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
