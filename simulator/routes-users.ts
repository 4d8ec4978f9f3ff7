import { badRequest, BusinessError } from "./errors";
import { mediaType } from "./respond";
import {
  EMPTY_BODY,
  jsonObject,
  nameField,
  serialField,
  USER_ID,
  userIdParam,
  type ApiRoute,
  type RouteContext,
} from "./route-helpers";
import { SCOPES } from "./scopes";

/**
 * The user calls 11-17 of REFERENCE.md: finding the caller (11, 13), their
 * authenticators (12), emergency access codes (14, 15), live verification
 * (16) and a token's name (17). Same split as routes.ts: shapes here,
 * decisions in the model.
 */

/** Call 13's paging: the simulator's limits (README). */
export const SEARCH_DEFAULT_PAGE_SIZE = 10;
export const SEARCH_MAX_PAGE_SIZE = 100;
const MAX_EMAIL_LIKE_LENGTH = 255;

/** Call 14: from one minute to seven days [vendor]. */
const EXPIRY_MINUTES = { minutes: 1, hours: 60, days: 24 * 60 } as const;
export const MAX_EMERGENCY_MINUTES = 7 * 24 * 60;

/** A query parameter that must be a whole number in [min, max] when present. */
function pageParam(ctx: RouteContext, name: string, fallback: number, min: number, max: number): number {
  const raw = ctx.query.get(name);
  if (raw === null) return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw badRequest(`${name} must be a whole number from ${min} to ${max}`);
  return Number(raw);
}

function emergencyRequest(body: Record<string, unknown>): { minutes: number; oneTimeUse: boolean } {
  const { oneTimeUse, expiryUnit, expiryValue } = body;
  // The vendor's examples send "false" as a string at times; the server wants a boolean.
  if (typeof oneTimeUse !== "boolean") throw badRequest("oneTimeUse must be true or false");
  if (typeof expiryUnit !== "string" || !Object.hasOwn(EXPIRY_MINUTES, expiryUnit))
    throw badRequest("expiryUnit must be days, hours or minutes");
  if (typeof expiryValue !== "number" || !Number.isInteger(expiryValue) || expiryValue < 1)
    throw badRequest("expiryValue must be a whole number of at least 1");
  const minutes = expiryValue * EXPIRY_MINUTES[expiryUnit as keyof typeof EXPIRY_MINUTES];
  if (minutes > MAX_EMERGENCY_MINUTES) throw badRequest("An emergency access code may be valid for at most 7 days");
  return { minutes, oneTimeUse };
}

function verifyCodeField(body: Record<string, unknown>): string {
  const code = body.verifyCode;
  if (typeof code !== "string" || !/^\d{1,16}$/.test(code)) throw badRequest("verifyCode must be a string of digits");
  return code;
}

/**
 * A call-16 route. Without the licence the tenant has no such calls: a
 * business 404 before anything about the request is looked at (body, user).
 * The scope is rsa.user.read: REFERENCE.md names none for call 16, and the
 * simulator invents no scope the vendor may not have.
 */
function verifyRoute(
  method: "GET" | "POST",
  action: string,
  operation: "lookup" | "change",
  handle: (ctx: RouteContext, userId: string) => unknown,
): ApiRoute {
  return {
    method,
    pattern: new RegExp(`^/v1/users/${USER_ID}/verify/${action}$`),
    operation,
    scopes: [SCOPES.userRead],
    oauthOnly: true,
    handle: (ctx) => {
      ctx.model.requireVerifyLicence();
      return handle(ctx, userIdParam(ctx, 404));
    },
  };
}

export const USER_ROUTES: readonly ApiRoute[] = [
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
  // 12. A user's authenticators (v2): phones and DS100s, FIDO keys, SID700s
  {
    method: "GET",
    pattern: new RegExp(`^/v2/users/${USER_ID}/devices$`),
    operation: "lookup",
    scopes: [SCOPES.sidRead, SCOPES.mobileRead, SCOPES.userRead],
    handle: (ctx) => ctx.model.userDevices(userIdParam(ctx, 400)),
  },
  // 13. User search (v2): a literal substring of the e-mail, one page
  {
    method: "POST",
    pattern: /^\/v2\/users\/search$/,
    operation: "lookup",
    scopes: [SCOPES.userRead],
    handle: (ctx) => {
      const pageSize = pageParam(ctx, "pageSize", SEARCH_DEFAULT_PAGE_SIZE, 1, SEARCH_MAX_PAGE_SIZE);
      const pageNumber = pageParam(ctx, "pageNumber", 0, 0, 999_999_999);
      const emailLike = jsonObject(ctx.bodyText).emailLike;
      if (typeof emailLike !== "string" || emailLike.trim().length === 0) throw badRequest("emailLike is required");
      if (emailLike.length > MAX_EMAIL_LIKE_LENGTH)
        throw badRequest(`emailLike must be at most ${MAX_EMAIL_LIKE_LENGTH} characters`);
      return ctx.model.searchUsers(emailLike, pageSize, pageNumber);
    },
  },
  // 14. Issue an emergency access code (v2)
  {
    method: "PUT",
    pattern: new RegExp(`^/v2/users/${USER_ID}/emergencyTokencode$`),
    operation: "change",
    scopes: [SCOPES.emergencyManage],
    handle: (ctx) => {
      const userId = userIdParam(ctx, 404);
      const { minutes, oneTimeUse } = emergencyRequest(jsonObject(ctx.bodyText));
      return ctx.model.issueEmergencyCode(userId, minutes, oneTimeUse);
    },
  },
  // 15. Cancel an emergency access code [3P]: 200 with no body
  {
    method: "DELETE",
    pattern: new RegExp(`^/v1/users/${USER_ID}/emergencyTokencode/([^/]+)$`),
    operation: "change",
    scopes: [SCOPES.emergencyManage],
    handle: (ctx) => {
      ctx.model.cancelEmergencyCode(userIdParam(ctx, 404), ctx.params[1] ?? "");
      return EMPTY_BODY;
    },
  },
  // 16. Live verification: OAuth only, licensed tenants only
  verifyRoute("POST", "start", "change", (ctx, userId) => ctx.model.startVerification(userId, ctx.caller.subject)),
  verifyRoute("GET", "status", "lookup", (ctx, userId) => ctx.model.verificationStatus(userId)),
  verifyRoute("POST", "code", "change", (ctx, userId) =>
    ctx.model.submitVerifyCode(userId, verifyCodeField(jsonObject(ctx.bodyText))),
  ),
  verifyRoute("POST", "cancel", "change", (ctx, userId) => ctx.model.cancelVerification(userId)),
  // 17. Update a hardware token's name
  {
    method: "PATCH",
    pattern: new RegExp(`^/v1/users/${USER_ID}/sidTokens/updateName$`),
    operation: "change",
    scopes: [SCOPES.sidManage],
    handle: (ctx) => {
      const userId = userIdParam(ctx, 400);
      const body = jsonObject(ctx.bodyText);
      return ctx.model.renameSid(userId, serialField(body, "tokenSerialNumber"), nameField(body, "updatedName"));
    },
  },
];
