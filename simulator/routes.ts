import { parseJson } from "./respond";
import {
  jsonObject,
  optionalNameField,
  serialField,
  USER_ID,
  userIdField,
  userIdParam,
  type ApiRoute,
} from "./route-helpers";
import { USER_ROUTES } from "./routes-users";
import { SCOPES } from "./scopes";

/**
 * The admin API calls (REFERENCE.md, "The calls"), relative to
 * `/AdminInterface/restapi`: here the token calls 1-10, in routes-users.ts
 * the user calls 11-17. Each route validates the request's shape (400s) and
 * hands the decision to the tenant model (404/409 and the change itself).
 */

export type { ApiRoute, RouteContext } from "./route-helpers";

const TOKEN_ROUTES: readonly ApiRoute[] = [
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
        optionalNameField(body, "tokenName"),
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
];

export const ROUTES: readonly ApiRoute[] = [...TOKEN_ROUTES, ...USER_ROUTES];

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

function bodyFields(bodyText: string): Record<string, unknown> {
  const parsed = parseJson(bodyText);
  if (!parsed.ok || parsed.value === null || typeof parsed.value !== "object") return {};
  return parsed.value as Record<string, unknown>;
}

/** The serial a fault is keyed on: the body's tokenSerialNumber or deviceSerialNumber, if any. */
export function requestSerial(bodyText: string): string | undefined {
  const body = bodyFields(bodyText);
  const serial = body.tokenSerialNumber ?? body.deviceSerialNumber;
  return typeof serial === "string" ? serial : undefined;
}

/** The user a fault may be keyed on: the path's `/users/{id}/`, else the body's userId, if any. */
export function requestUserId(match: RouteMatch | undefined, bodyText: string): string | undefined {
  // Every route with a path parameter is under /users/{id}/, with the id first.
  if (match && match.params.length > 0) return match.params[0];
  const userId = bodyFields(bodyText).userId;
  return typeof userId === "string" ? userId : undefined;
}
