-- The audit trail (append-only, hash-chained) and per-serial change locks.
CREATE TYPE "AuditEventType" AS ENUM (
    'CHANGE_INTENT', 'CHANGE_OUTCOME', 'CHANGE_REFUSED', 'LOOKUP',
    'SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_OUT', 'ACCESS_DENIED', 'EXPORT'
);

CREATE TABLE "audit_events" (
    "seq" BIGINT NOT NULL,
    "id" UUID NOT NULL,
    "type" "AuditEventType" NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" UUID,
    "actor_email" TEXT,
    "actor_name" TEXT,
    "actor_role" TEXT,
    "action" TEXT,
    "serial" TEXT,
    "token_type" TEXT,
    "rsa_user_id" TEXT,
    "ticket" TEXT,
    "reason" TEXT,
    "note" TEXT,
    "intent_id" UUID,
    "outcome" TEXT,
    "rsa_status" INTEGER,
    "error_code" TEXT,
    "state_before" JSONB,
    "state_after" JSONB,
    "duration_ms" INTEGER,
    "request_id" TEXT,
    "client_ip" TEXT,
    "user_agent" TEXT,
    "details" JSONB,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("seq")
);

CREATE UNIQUE INDEX "audit_events_id_key" ON "audit_events"("id");
CREATE INDEX "audit_events_serial_occurred_at_idx" ON "audit_events"("serial", "occurred_at");
CREATE INDEX "audit_events_actor_id_occurred_at_idx" ON "audit_events"("actor_id", "occurred_at");
CREATE INDEX "audit_events_occurred_at_idx" ON "audit_events"("occurred_at");
CREATE INDEX "audit_events_type_occurred_at_idx" ON "audit_events"("type", "occurred_at");
CREATE INDEX "audit_events_ticket_occurred_at_idx" ON "audit_events"("ticket", "occurred_at");
CREATE INDEX "audit_events_rsa_user_id_occurred_at_idx" ON "audit_events"("rsa_user_id", "occurred_at");

-- Each INTENT has at most one OUTCOME, enforced by the database (not in schema.prisma:
-- Prisma cannot express partial indexes; schema-match.test.ts allows partial ones).
CREATE UNIQUE INDEX "audit_events_one_outcome_per_intent" ON "audit_events"("intent_id")
    WHERE "type" = 'CHANGE_OUTCOME';

-- Append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION "audit_events_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_events_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION "audit_events_refuse_change"();
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_refuse_change"();

CREATE TABLE "token_change_locks" (
    "serial" TEXT NOT NULL,
    "holder_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "token_change_locks_pkey" PRIMARY KEY ("serial")
);
