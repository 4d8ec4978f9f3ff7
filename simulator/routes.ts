import type { IncomingMessage } from "node:http";
import type { Caller } from "./auth";
import { badRequest, BusinessError } from "./errors";
import type { Operation } from "./faults";
import type { TenantModel } from "./model";
import { mediaType, parseJson } from "./respond";
import { SCOPES } from "./scopes";

/**
 * The twelve admin API calls (REFERENCE.md, "The calls"), relative to
 * `/AdminInterface/restapi`. Each route validates the request's shape (400s)
 * and hands the decision to the tenant model (404/409 and the change itself).
 * A route returns the 200 body or throws BusinessError.
 */

export interface RouteContext {
  req: IncomingMessage;
  /** Path parameters, already URL-decoded. */
  params: string[];
  bodyText: string;
  caller: Caller;
  model: TenantModel;
}

export interface ApiRoute {
  method: "GET" | "POST" | "PATCH";
  pattern: RegExp;
  /** Which faults apply: "lookup" (calls 1, 2, 11, 12) or "change" (every PATCH). */
  operation: Operation;
  /** Any one of these OAuth scopes allows the call. */
  scopes: readonly string[];
  handle(ctx: RouteContext): unknown;
}

/** Vendor serials are at most 36 characters (every page's "Max Length"). */
const MAX_SERIAL_LENGTH = 36;
const MAX_TOKEN_NAME_LENGTH = 255;
/** 8-4-4-4-12 hex: the vendor's own DS100 user id is not an RFC 4122 version, so no version check. */
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function jsonObject(text: string): Record<string, unknown> {
  const parsed = parseJson(text);
  if (!parsed.ok) throw badRequest("Malformed JSON request");
  const value = parsed.value;
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw badRequest("The request body must be a JSON object");
  return value as Record<string, unknown>;
}

function serialField(body: Record<string, unknown>, field: "tokenSerialNumber" | "deviceSerialNumber"): string {
  const value = body[field];
  if (typeof value !== "string" || value.length === 0) throw badRequest(`${field} is required`);
  if (value.length > MAX_SERIAL_LENGTH) throw badRequest(`${field} must be at most ${MAX_SERIAL_LENGTH} characters`);
  return value;
}

/**
 * The `{id}` of a path: 400 where the vendor lists 400 for the call, else 404
 * (a malformed id can only be an unknown user there).
 */
function userIdParam(ctx: RouteContext, invalid: 400 | 404): string {
  const id = ctx.params[0] ?? "";
  if (!UUID_SHAPE.test(id))
    throw new BusinessError(invalid, invalid === 400 ? `Invalid user id ${id}` : `User with id ${id} not found`);
  return id;
}

function userIdField(body: Record<string, unknown>): string {
  const value = body.userId;
  if (typeof value !== "string" || value.length === 0) throw badRequest("userId is required");
  if (!UUID_SHAPE.test(value)) throw badRequest(`Invalid user id ${value}`);
  return value;
}

function tokenNameField(body: Record<string, unknown>): string | null {
  const value = body.tokenName;
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string") throw badRequest("tokenName must be a string");
  if (value.length > MAX_TOKEN_NAME_LENGTH)
    throw badRequest(`tokenName must be at most ${MAX_TOKEN_NAME_LENGTH} characters`);
  return value;
}

const USER_ID = "([^/]+)";

export const ROUTES: readonly ApiRoute[] = [
  // 1. Retrieve hardware token (SID700)
  {
    method: "POST",
    pattern: /^\/v1\/sidTokens\/lookup$/,
    operation: "lookup",
    scopes: [SCOPES.sidRead, SCOPES.sidManage],
    handle: (ctx) => ctx.model.lookupSidToken(serialField(jsonObject(ctx.bodyText), "tokenSerialNumber")),
  },
  // 2. Retrieve DS100 OTP credential(s) by DEVICE serial: an array
  {
    method: "POST",
    pattern: /^\/v1\/ds100\/lookup$/,
    operation: "lookup",
    scopes: [SCOPES.ds100Read, SCOPES.ds100Manage],
    handle: (ctx) => ctx.model.lookupDs100(serialField(jsonObject(ctx.bodyText), "deviceSerialNumber")),
  },
  // 3./4. Enable / disable hardware token (the vendor lists no 400: a malformed id is an unknown user)
  ...(["enable", "disable"] as const).map((verb): ApiRoute => ({
    method: "PATCH",
    pattern: new RegExp(`^/v1/users/${USER_ID}/sidTokens/${verb}$`),
    operation: "change",
    scopes: [SCOPES.sidManage],
    handle: (ctx) => {
      const userId = userIdParam(ctx, 404);
      const serial = serialField(jsonObject(ctx.bodyText), "tokenSerialNumber");
      return ctx.model.setSidStatus(userId, serial, verb === "enable" ? "Enabled" : "Disabled", ctx.caller.subject);
    },
  })),
  // 5. Unassign hardware token
  {
    method: "PATCH",
    pattern: new RegExp(`^/v1/users/${USER_ID}/sidTokens/unassign$`),
    operation: "change",
    scopes: [SCOPES.sidManage],
    handle: (ctx) => {
      const userId = userIdParam(ctx, 400);
      return ctx.model.unassignSid(userId, serialField(jsonObject(ctx.bodyText), "tokenSerialNumber"));
    },
  },
  // 6. Assign hardware token
  {
    method: "PATCH",
    pattern: new RegExp(`^/v1/users/${USER_ID}/sidTokens/assign$`),
    operation: "change",
    scopes: [SCOPES.sidManage],
    handle: (ctx) => {
      const userId = userIdParam(ctx, 400);
      const body = jsonObject(ctx.bodyText);
      return ctx.model.assignSid(
        userId,
        serialField(body, "tokenSerialNumber"),
        tokenNameField(body),
        ctx.caller.subject,
      );
    },
  },
  // 7. Clear hardware token PIN — note v2 (the vendor lists no 400 for the id)
  {
    method: "PATCH",
    pattern: new RegExp(`^/v2/users/${USER_ID}/sidTokens/clearPin$`),
    operation: "change",
    scopes: [SCOPES.sidManage],
    handle: (ctx) => {
      const userId = userIdParam(ctx, 404);
      return ctx.model.clearSidPin(userId, serialField(jsonObject(ctx.bodyText), "tokenSerialNumber"));
    },
  },
  // 8./9. Enable / disable a DS100 device's credentials of one user
  ...(["enable", "disable"] as const).map((verb): ApiRoute => ({
    method: "PATCH",
    pattern: new RegExp(`^/v1/ds100/${verb}/otp$`),
    operation: "change",
    scopes: [SCOPES.ds100Manage],
    handle: (ctx) => {
      const body = jsonObject(ctx.bodyText);
      const device = serialField(body, "deviceSerialNumber");
      const userId = userIdField(body);
      return ctx.model.setDs100Status(device, userId, verb === "enable" ? "Enabled" : "Disabled", ctx.caller.subject);
    },
  })),
  // 10. Clear DS100 PIN, by the 12-digit CREDENTIAL serial
  {
    method: "PATCH",
    pattern: /^\/v1\/ds100\/clearPin\/otp$/,
    operation: "change",
    scopes: [SCOPES.ds100Manage],
    handle: (ctx) => {
      const body = jsonObject(ctx.bodyText);
      const serial = serialField(body, "tokenSerialNumber");
      return ctx.model.clearDs100Pin(serial, userIdField(body));
    },
  },
  // 11. User details by e-mail (the only call the vendor lists 415 for)
  {
    method: "POST",
    pattern: /^\/v1\/users\/lookup$/,
    operation: "lookup",
    scopes: [SCOPES.userRead],
    handle: (ctx) => {
      const type = mediaType(ctx.req);
      if (type !== "application/json")
        throw new BusinessError(415, `Content type '${ctx.req.headers["content-type"] ?? ""}' not supported`);
      const body = jsonObject(ctx.bodyText);
      const email = body.email;
      if (typeof email !== "string" || email.trim().length === 0) throw badRequest("email is required");
      return ctx.model.lookupUser(email);
    },
  },
  // 12. A user's authenticators (v2)
  {
    method: "GET",
    pattern: new RegExp(`^/v2/users/${USER_ID}/devices$`),
    operation: "lookup",
    scopes: [SCOPES.userRead],
    handle: (ctx) => ctx.model.userDevices(userIdParam(ctx, 400)),
  },
];

export interface RouteMatch {
  route: ApiRoute;
  params: string[];
}

/** The route for a method and a path relative to the API base; undefined → 404. */
export function matchRoute(method: string, relativePath: string): RouteMatch | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(relativePath);
    if (!match) continue;
    try {
      return { route, params: match.slice(1).map((p) => decodeURIComponent(p)) };
    } catch {
      return { route, params: match.slice(1).map(() => "") }; // undecodable → invalid id downstream
    }
  }
  return undefined;
}

/** The serial a fault is keyed on: the body's tokenSerialNumber or deviceSerialNumber, if any. */
export function requestSerial(bodyText: string): string | undefined {
  const parsed = parseJson(bodyText);
  if (!parsed.ok || parsed.value === null || typeof parsed.value !== "object") return undefined;
  const body = parsed.value as Record<string, unknown>;
  const serial = body.tokenSerialNumber ?? body.deviceSerialNumber;
  return typeof serial === "string" ? serial : undefined;
}
