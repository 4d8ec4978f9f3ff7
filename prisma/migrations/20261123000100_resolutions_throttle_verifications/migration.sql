-- A change whose outcome was UNKNOWN (or never recorded) gets at most one RESOLUTION.
CREATE UNIQUE INDEX "audit_events_one_resolution_per_intent" ON "audit_events"("intent_id")
    WHERE "type" = 'CHANGE_RESOLUTION';

-- UNKNOWN is not a failure: outcomes are SUCCESS / FAILURE / UNKNOWN, resolutions
-- APPLIED / NOT_APPLIED / STILL_UNKNOWN. The outcome filters start from these.
DROP INDEX "audit_events_failures_idx";
CREATE INDEX "audit_events_failures_idx" ON "audit_events"("occurred_at", "seq")
    WHERE "outcome" IN ('FAILURE', 'FAILED', 'NOT_APPLIED', 'WRONG_PASSWORD', 'UNKNOWN_EMAIL', 'USER_DISABLED', 'THROTTLED', 'DATABASE_UNAVAILABLE');
CREATE INDEX "audit_events_unknown_idx" ON "audit_events"("occurred_at", "seq")
    WHERE "outcome" IN ('UNKNOWN', 'STILL_UNKNOWN');

-- Where the reconciler stands with each change it is still trying to settle:
-- attempts so far, when to look again (backoff), and which instance holds it now.
CREATE TABLE "audit_reconcile_attempts" (
    "intent_id" UUID NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL,
    "claimed_by" UUID,
    "claimed_until" TIMESTAMPTZ(3),
    "last_problem" TEXT,
    CONSTRAINT "audit_reconcile_attempts_pkey" PRIMARY KEY ("intent_id")
);

-- Sign-in attempts per e-mail and per client address, counted BEFORE the password
-- is checked (one row per key, updated atomically), so parallel guesses cannot
-- slip past the limit.
CREATE TABLE "sign_in_attempts" (
    "key" TEXT NOT NULL,
    "window_started_at" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL,
    CONSTRAINT "sign_in_attempts_pkey" PRIMARY KEY ("key")
);

-- Verification runs now record where they started and the head hash they reached,
-- so the timer can verify only what was added since.
ALTER TABLE "audit_verifications" ADD COLUMN "from_seq" BIGINT;
ALTER TABLE "audit_verifications" ADD COLUMN "head_hash" TEXT;

-- Change locks now cover a user as well as a token ("token:<serial>", "user:<id>").
ALTER TABLE "token_change_locks" RENAME TO "change_locks";
ALTER TABLE "change_locks" RENAME COLUMN "serial" TO "lock_key";
ALTER TABLE "change_locks" RENAME CONSTRAINT "token_change_locks_pkey" TO "change_locks_pkey";
