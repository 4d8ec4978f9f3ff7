-- New kinds of audit event. Kept alone in their own migration: PostgreSQL lets a
-- transaction add an enum value but not use it before the transaction commits.
ALTER TYPE "AuditEventType" ADD VALUE 'CHANGE_RESOLUTION';
ALTER TYPE "AuditEventType" ADD VALUE 'USER_ADMIN';
ALTER TYPE "AuditEventType" ADD VALUE 'AUDIT_CHECKPOINT';
