import type { IncomingMessage, ServerResponse } from "node:http";
import { hasAnyScope, type Authenticator } from "./auth";
import { BusinessError, businessError, frameworkError } from "./errors";
import { applyFault, type FaultBook } from "./faults";
import type { TenantModel } from "./model";
import { sendJson } from "./respond";
import { matchRoute, requestSerial } from "./routes";

/**
 * One admin API request, in the order a real tenant's layers apply: the
 * security filter (403, framework shape) before routing, then scope, then any
 * injected fault, then the call itself. Nothing thrown escapes: an unexpected
 * exception becomes a 500 in the business shape and the server carries on.
 */

export const API_BASE_PATH = "/AdminInterface/restapi";

export const INVALID_TOKEN_MESSAGE = "Server failed to process provided access token";
export const INSUFFICIENT_SCOPE_MESSAGE = "Insufficient scope for this request";

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
  if (!match) return sendJson(res, 404, frameworkError(404, "No message available", path, deps.now()));
  const { route, params } = match;
  if (!hasAnyScope(caller, route.scopes)) return forbidden(INSUFFICIENT_SCOPE_MESSAGE);

  const fault = deps.faults.take(requestSerial(bodyText), route.operation);
  if (fault) {
    deps.log(`fault ${fault.kind} on ${method} ${path}`);
    if ((await applyFault(fault, res, { path, now: deps.now() })) === "answered") return;
  }

  try {
    const body = route.handle({ req, params, bodyText, caller, model: deps.model });
    sendJson(res, 200, body);
  } catch (error) {
    if (error instanceof BusinessError) return sendJson(res, error.status, error.body);
    deps.log(`unexpected error on ${method} ${path}: ${error instanceof Error ? error.stack : String(error)}`);
    sendJson(res, 500, businessError(500, "Internal error occurred while processing the request"));
  }
}
