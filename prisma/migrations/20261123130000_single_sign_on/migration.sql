-- Single sign-on (OpenID Connect). A person created by single sign-on has no password
-- (password_hash NULL: no password can ever match), and a user is bound to at most one
-- identity at the provider, named by its issuer and subject ("sub", which the provider
-- never reassigns; an e-mail address can change hands). See docs/decisions/0008.
ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL;
ALTER TABLE "users" ADD COLUMN "sso_issuer" TEXT;
ALTER TABLE "users" ADD COLUMN "sso_subject" TEXT;
CREATE UNIQUE INDEX "users_sso_issuer_sso_subject_key" ON "users"("sso_issuer", "sso_subject");
-- Half an identity could never be matched again; both or neither.
ALTER TABLE "users" ADD CONSTRAINT "users_sso_identity_whole"
    CHECK (("sso_issuer" IS NULL) = ("sso_subject" IS NULL));

-- Refused sign-ins of the new kinds are failures too (lib/audit/history-sql.ts FAILURES):
-- the partial index must cover the same list, or the failure filter cannot use it.
DROP INDEX "audit_events_failures_idx";
CREATE INDEX "audit_events_failures_idx" ON "audit_events"("occurred_at", "seq")
    WHERE "outcome" IN ('FAILURE', 'FAILED', 'NOT_APPLIED', 'WRONG_PASSWORD', 'UNKNOWN_EMAIL', 'USER_DISABLED',
        'THROTTLED', 'DATABASE_UNAVAILABLE', 'NO_PASSWORD', 'PASSWORDS_OFF', 'SSO_NO_ROLE', 'SSO_EMAIL_CONFLICT',
        'SSO_CLAIMS_INVALID', 'SSO_DENIED', 'SSO_PROVIDER_REFUSED', 'SSO_UNREACHABLE', 'SSO_ISSUER_MISMATCH',
        'SSO_TOKEN_INVALID', 'SSO_STATE_INVALID', 'SSO_FAILED');
