import type { IncomingMessage } from "node:http";
import type { Caller } from "./auth";
import { badRequest, BusinessError } from "./errors";
import type { Operation } from "./faults";
import type { TenantModel } from "./model";
import { parseJson } from "./respond";

/**
 * What every route shares: the route and context types and the request-shape
 * checks (the 400s). Routes hand every decision about the data to the model.
 */

export interface RouteContext {
  req: IncomingMessage;
  /** Path parameters, already URL-decoded. */
  params: string[];
  query: URLSearchParams;
  bodyText: string;
  caller: Caller;
  model: TenantModel;
}

export interface ApiRoute {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  pattern: RegExp;
  /** Which faults apply: "lookup" (reads) or "change" (everything that changes the tenant). */
  operation: Operation;
  /** Any one of these OAuth scopes allows the call. */
  scopes: readonly string[];
  /** Refused to a legacy-key JWT with the framework 403 (live verification is OAuth only [vendor]). */
  oauthOnly?: boolean;
  /** The 200 body, or EMPTY_BODY; throws BusinessError for anything else. */
  handle(ctx: RouteContext): unknown;
}

export { EMPTY_BODY } from "./respond";

/** Vendor serials are at most 36 characters (every page's "Max Length"). */
const MAX_SERIAL_LENGTH = 36;
export const MAX_TOKEN_NAME_LENGTH = 255;
/** 8-4-4-4-12 hex: the vendor's own DS100 user id is not an RFC 4122 version, so no version check. */
const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path segment: the user id of `/users/{id}/...`. */
export const USER_ID = "([^/]+)";

export function jsonObject(text: string): Record<string, unknown> {
  const parsed = parseJson(text);
  if (!parsed.ok) throw badRequest("Malformed JSON request");
  const value = parsed.value;
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw badRequest("The request body must be a JSON object");
  return value as Record<string, unknown>;
}

export function serialField(body: Record<string, unknown>, field: "tokenSerialNumber" | "deviceSerialNumber"): string {
  const value = body[field];
  if (typeof value !== "string" || value.length === 0) throw badRequest(`${field} is required`);
  if (value.length > MAX_SERIAL_LENGTH) throw badRequest(`${field} must be at most ${MAX_SERIAL_LENGTH} characters`);
  return value;
}

/**
 * The `{id}` of a path: 400 where the vendor lists 400 for the call, else 404
 * (a malformed id can only be an unknown user there).
 */
export function userIdParam(ctx: RouteContext, invalid: 400 | 404): string {
  const id = ctx.params[0] ?? "";
  if (!UUID_SHAPE.test(id))
    throw new BusinessError(invalid, invalid === 400 ? `Invalid user id ${id}` : `User with id ${id} not found`);
  return id;
}

export function userIdField(body: Record<string, unknown>): string {
  const value = body.userId;
  if (typeof value !== "string" || value.length === 0) throw badRequest("userId is required");
  if (!UUID_SHAPE.test(value)) throw badRequest(`Invalid user id ${value}`);
  return value;
}

/** An optional name (assign's tokenName): absent, null or "" mean none. */
export function optionalNameField(body: Record<string, unknown>, field: string): string | null {
  const value = body[field];
  if (value === undefined || value === null || value === "") return null;
  return nameField(body, field);
}

/** A required name of 1 to 255 characters (updateName's updatedName). */
export function nameField(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (value === undefined || value === null || value === "") throw badRequest(`${field} is required`);
  if (typeof value !== "string") throw badRequest(`${field} must be a string`);
  if (value.length > MAX_TOKEN_NAME_LENGTH)
    throw badRequest(`${field} must be at most ${MAX_TOKEN_NAME_LENGTH} characters`);
  return value;
}
