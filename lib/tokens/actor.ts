import type { CurrentUser } from "@/lib/auth/current-user";
import type { RequestContext } from "@/lib/request-context";
import type { AuditEventInput } from "@/lib/audit/append";

/** The actor snapshot and request facts every audit row of a request carries. */
export function actorFields(actor: CurrentUser, ctx: RequestContext): Partial<AuditEventInput> {
  return {
    actorId: actor.id,
    actorEmail: actor.email,
    actorName: actor.displayName,
    actorRole: actor.role,
    requestId: ctx.requestId,
    clientIp: ctx.clientIp,
    userAgent: ctx.userAgent,
  };
}
