import "server-only";
import { db } from "@/lib/db";

/**
 * The emergency access code tokendesk issued to a user and has not cancelled.
 * RSA has no call that lists a user's codes, and cancelling needs the code's
 * id: tokendesk knows it only for codes it issued itself, from its own audit
 * (the id is recorded; the code never is).
 */
export interface IssuedCode {
  codeId: string;
  expiresAt: string | null;
  issuedAt: string;
  issuedBy: string | null;
}

export async function issuedEmergencyCode(rsaUserId: string): Promise<IssuedCode | null> {
  const rows = await db().$queryRaw<
    {
      action: string;
      state_after: { codeId?: string; emergencyExpiresAt?: string | null } | null;
      at: Date;
      actor_name: string | null;
    }[]
  >`
    SELECT i.action, COALESCE(r.state_after, o.state_after) AS state_after, i.occurred_at AS at, i.actor_name
      FROM audit_events i
      LEFT JOIN audit_events o ON o.type = 'CHANGE_OUTCOME' AND o.intent_id = i.id
      LEFT JOIN audit_events r ON r.type = 'CHANGE_RESOLUTION' AND r.intent_id = i.id
     WHERE i.type = 'CHANGE_INTENT' AND i.rsa_user_id = ${rsaUserId}
       AND i.action IN ('EMERGENCY_CODE_ISSUE', 'EMERGENCY_CODE_CANCEL')
       AND (o.outcome = 'SUCCESS' OR r.outcome = 'APPLIED')
     ORDER BY i.occurred_at DESC LIMIT 1`;
  const latest = rows[0];
  if (!latest || latest.action !== "EMERGENCY_CODE_ISSUE" || !latest.state_after?.codeId) return null;
  const expiresAt = latest.state_after.emergencyExpiresAt ?? null;
  if (expiresAt && new Date(expiresAt).getTime() < Date.now()) return null;
  return {
    codeId: latest.state_after.codeId,
    expiresAt,
    issuedAt: latest.at.toISOString(),
    issuedBy: latest.actor_name,
  };
}
