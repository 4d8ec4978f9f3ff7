/**
 * Server start hook: the audit trail's background jobs (lib/audit/background-jobs.ts):
 * settling unsettled changes and verifying new rows of the chain. Every instance
 * runs them; database claims and locks keep each piece of work to one instance.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAuditJobs } = await import("@/lib/audit/background-jobs");
  startAuditJobs();
}
