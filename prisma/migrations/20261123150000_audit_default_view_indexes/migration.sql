-- The audit page opens on changes and refused attempts (lib/audit/history-sql.ts, "changes-refused"),
-- and "this agent today / last 7 days" keep that view. Three event types in one IN list cannot be read
-- in time order from the (type, occurred_at) or (actor_id, type, occurred_at) indexes; without these,
-- an agent who mostly looks tokens up makes the page walk every one of their rows. Partial indexes
-- (not expressible in schema.prisma) whose predicate is exactly the view's list keep both an ordered
-- index scan at any size.
CREATE INDEX "audit_events_changes_refused_idx" ON "audit_events"("occurred_at", "seq")
    WHERE "type" IN ('CHANGE_INTENT', 'CHANGE_REFUSED', 'ACCESS_DENIED');
CREATE INDEX "audit_events_changes_refused_actor_idx" ON "audit_events"("actor_id", "occurred_at", "seq")
    WHERE "type" IN ('CHANGE_INTENT', 'CHANGE_REFUSED', 'ACCESS_DENIED');
