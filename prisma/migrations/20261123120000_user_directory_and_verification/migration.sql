-- Names for RSA user ids: RSA has no "user by id" call, so whenever tokendesk sees a
-- user (a lookup or a search, by anyone) it keeps their name and e-mail here, and a
-- token card can say whose token it is. Refreshed on every sighting.
CREATE TABLE "rsa_user_directory" (
    "rsa_user_id" TEXT NOT NULL,
    "email" TEXT,
    "first_name" TEXT,
    "last_name" TEXT,
    "seen_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "rsa_user_directory_pkey" PRIMARY KEY ("rsa_user_id")
);
CREATE INDEX "rsa_user_directory_email_idx" ON "rsa_user_directory"("email");

-- Live verification of a caller (started, verified, denied, expired, cancelled).
ALTER TYPE "AuditEventType" ADD VALUE 'CALLER_VERIFICATION';
