import "server-only";
import { logger } from "@/lib/logger";
import { reconcileOpenIntents } from "@/lib/audit/reconcile";

const EVERY_MS = 30_000;

export function startReconcileTimer(): void {
  const timer = setInterval(() => {
    reconcileOpenIntents().catch((error) => logger().error({ err: error }, "audit reconciliation run failed"));
  }, EVERY_MS);
  timer.unref();
}
