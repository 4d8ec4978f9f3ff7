-- Outcome filters on the audit history start from the rows that carry an outcome.
-- Partial indexes (not expressible in schema.prisma) keep rare outcomes quick to find.
CREATE INDEX "audit_events_failures_idx" ON "audit_events"("occurred_at", "seq")
    WHERE "outcome" IN ('FAILURE', 'FAILED', 'NOT_APPLIED', 'UNKNOWN', 'WRONG_PASSWORD', 'UNKNOWN_EMAIL', 'USER_DISABLED');
CREATE INDEX "audit_events_successes_idx" ON "audit_events"("occurred_at", "seq")
    WHERE "outcome" IN ('SUCCESS', 'APPLIED');

-- "What did this agent change?" without wading through their lookups.
CREATE INDEX "audit_events_actor_id_type_occurred_at_idx" ON "audit_events"("actor_id", "type", "occurred_at");
