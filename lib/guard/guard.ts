import "server-only";
import type { z } from "zod";
import { fail, type ActionFailure, type ActionResult } from "@/lib/action-result";
import { appendAuditEvent } from "@/lib/audit/append";
import { userActor } from "@/lib/audit/actors";
import { auditEvents } from "@/lib/audit/events";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { can, type Permission } from "@/lib/auth/permissions";
import { isDatabaseUnavailable } from "@/lib/db/availability";
import { logger } from "@/lib/logger";
import { requestContext, type RequestContext } from "@/lib/request-context";
import { GUARD_MESSAGES, fieldErrorsOf } from "@/lib/guard/messages";

/**
 * The one door every server action, route handler and page goes through:
 * session → permission (a refusal is audited as ACCESS_DENIED with whoever
 * asked) → input validated with zod → the handler → a closed set of error
 * codes. Nothing unexpected reaches the browser: a database outage is said
 * plainly, anything else is logged with a reference the agent can quote.
 */

export interface DoorSpec {
  /** Names what was asked for in the ACCESS_DENIED row, e.g. "token.lookup". */
  resource: string;
  permission: Permission;
}

export interface Admitted {
  user: CurrentUser;
  request: RequestContext;
}

/** Session and permission; the refusal (audited) or the admitted user. */
export async function admit(
  spec: DoorSpec,
): Promise<{ ok: true; admitted: Admitted } | { ok: false; failure: ActionFailure }> {
  const request = await requestContext();
  let user: CurrentUser | null;
  try {
    user = await getCurrentUser();
  } catch (error) {
    return { ok: false, failure: unexpected(error, request) };
  }
  if (!user || !can(user.role, spec.permission)) {
    const reason = user ? "FORBIDDEN" : "UNAUTHENTICATED";
    await appendAuditEvent(
      auditEvents.accessDenied({
        actor: user ? userActor(user) : { kind: "anonymous" },
        request,
        resource: spec.resource,
        reason,
        permission: spec.permission,
      }),
    ).catch((error) => logger().error({ err: error, requestId: request.requestId }, "audit write failed for a denial"));
    return {
      ok: false,
      failure: fail(reason, user ? GUARD_MESSAGES.forbidden : GUARD_MESSAGES.unauthenticated, {
        referenceId: request.requestId,
      }),
    };
  }
  return { ok: true, admitted: { user, request } };
}

/** What a thrown error becomes: the database outage in words, anything else a reference to quote. */
export function unexpected(error: unknown, request: { requestId: string } | null): ActionFailure {
  const referenceId = request?.requestId;
  if (isDatabaseUnavailable(error)) {
    logger().error({ err: error, requestId: referenceId }, "database unavailable");
    return fail("DATABASE_UNAVAILABLE", GUARD_MESSAGES.databaseUnavailable, { referenceId });
  }
  logger().error({ err: error, requestId: referenceId }, "unexpected error");
  return fail("INTERNAL", GUARD_MESSAGES.internal, { referenceId });
}

/** Runs a server action behind the door. */
export async function guardAction<Schema extends z.ZodType, T>(
  spec: DoorSpec & { input: Schema },
  raw: unknown,
  handler: (admitted: Admitted & { input: z.infer<Schema> }) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const door = await admit(spec);
  if (!door.ok) return door.failure;
  const parsed = spec.input.safeParse(raw);
  if (!parsed.success) {
    return fail("INVALID_INPUT", GUARD_MESSAGES.invalidInput, {
      fieldErrors: fieldErrorsOf(parsed.error),
      referenceId: door.admitted.request.requestId,
    });
  }
  try {
    return await handler({ ...door.admitted, input: parsed.data });
  } catch (error) {
    return unexpected(error, door.admitted.request);
  }
}
