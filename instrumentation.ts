/**
 * Server start hook: a timer that resolves change INTENTs left without an
 * OUTCOME (see lib/audit/reconcile.ts). Every instance may run it; the
 * database's one-outcome-per-intent index keeps them from recording twice.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startReconcileTimer } = await import("@/lib/audit/reconcile-timer");
  startReconcileTimer();
}
