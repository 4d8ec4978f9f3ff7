-- Results of audit chain verification runs.
CREATE TABLE "audit_verifications" (
    "id" UUID NOT NULL,
    "verified_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ok" BOOLEAN NOT NULL,
    "rows_checked" INTEGER NOT NULL,
    "head_seq" BIGINT,
    "break_seq" BIGINT,
    "problem" TEXT,
    "message" TEXT,
    "trigger" TEXT NOT NULL,
    CONSTRAINT "audit_verifications_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "audit_verifications_verified_at_idx" ON "audit_verifications"("verified_at");
