import type { IncomingMessage, ServerResponse } from "node:http";
import { hasAnyScope, type Authenticator, type Caller } from "./auth";
import { BusinessError, businessError, frameworkError, routeNotFound } from "./errors";
import { actAfter, actBefore, actsAfterCall } from "./fault-actions";
import type { FaultBook } from "./faults";
import type { TenantModel } from "./model";
import { sendAnswer, sendJson, type CallAnswer } from "./respond";
import { matchRoute, requestSerial, requestUserId, type RouteMatch } from "./routes";

/**
 * One admin API request, in the order a real tenant's layers apply: the
 * security filter (403, framework shape) before routing, then routing (an
 * unknown path is Spring's 404), scope, OAuth-only calls, then any injected
 * fault, then the call itself. Nothing thrown escapes: an unexpected
 * exception becomes a 500 in the business shape and the server carries on.
 */

export const API_BASE_PATH = "/AdminInterface/restapi";

export const INVALID_TOKEN_MESSAGE = "Server failed to process provided access token";
export const INSUFFICIENT_SCOPE_MESSAGE = "Insufficient scope for this request";
/** Spring Security's words when an authenticated caller may not use a call (a legacy key on call 16). */
export const ACCESS_DENIED_MESSAGE = "Access is denied";

export interface AdminApiDeps {
  auth: Authenticator;
  model: TenantModel;
  faults: FaultBook;
  now: () => number;
  log: (line: string) => void;
}

export async function handleAdminApi(
  deps: AdminApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  bodyText: string,
): Promise<void> {
  const method = req.method ?? "GET";
  const forbidden = (message: string) => sendJson(res, 403, frameworkError(403, message, path, deps.now()));

  const caller = await deps.auth.authenticate(req.headers.authorization);
  if (!caller) return forbidden(INVALID_TOKEN_MESSAGE);

  const match = path.startsWith(`${API_BASE_PATH}/`) ? matchRoute(method, path.slice(API_BASE_PATH.length)) : undefined;
  if (!match) return sendJson(res, 404, routeNotFound(path, deps.now()));
  const { route } = match;
  if (!hasAnyScope(caller, route.scopes)) return forbidden(INSUFFICIENT_SCOPE_MESSAGE);
  if (route.oauthOnly && caller.kind === "legacy") return forbidden(ACCESS_DENIED_MESSAGE);

  const fault = deps.faults.take({
    serial: requestSerial(bodyText),
    userId: requestUserId(match, bodyText),
    operation: route.operation,
  });
  const context = { path, now: deps.now() };
  if (fault) {
    deps.log(`fault ${fault.kind}${fault.phase === "after-apply" ? " (after apply)" : ""} on ${method} ${path}`);
    if (!actsAfterCall(fault) && (await actBefore(fault, res, context)) === "answered") return;
  }

  const answer = runCall(deps, req, match, bodyText, caller);
  if (fault && actsAfterCall(fault)) return actAfter(fault, res, answer, context);
  sendAnswer(res, answer);
}

function runCall(
  deps: AdminApiDeps,
  req: IncomingMessage,
  match: RouteMatch,
  bodyText: string,
  caller: Caller,
): CallAnswer {
  const query = new URL(req.url ?? "/", "http://simulator").searchParams;
  try {
    const body = match.route.handle({ req, params: match.params, query, bodyText, caller, model: deps.model });
    return { status: 200, body };
  } catch (error) {
    if (error instanceof BusinessError) return { status: error.status, body: error.body };
    deps.log(`unexpected error on ${req.method} ${req.url}: ${error instanceof Error ? error.stack : String(error)}`);
    return { status: 500, body: businessError(500, "Internal error occurred while processing the request") };
  }
}
