import { STATUS_CODES } from "node:http";

/**
 * The two error body shapes a real tenant answers with (REFERENCE.md, "Error
 * bodies"): business errors carry `code` as a STRING "NNN REASON", while
 * authentication failures and unknown paths come from the web framework with
 * a NUMERIC `status`. Clients must tell them apart, so the simulator must
 * produce both exactly.
 */

export interface BusinessErrorBody {
  code: string;
  description: string;
}

export interface FrameworkErrorBody {
  timestamp: number;
  status: number;
  error: string;
  message: string;
  path: string;
}

/** "404" → "404 NOT_FOUND", "429" → "429 TOO_MANY_REQUESTS". */
export function businessCode(status: number): string {
  const phrase = STATUS_CODES[status] ?? "Error";
  return `${status} ${phrase.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}`;
}

export function businessError(status: number, description: string): BusinessErrorBody {
  return { code: businessCode(status), description };
}

export function frameworkError(status: number, message: string, path: string, now: number): FrameworkErrorBody {
  return { timestamp: now, status, error: STATUS_CODES[status] ?? "Error", message, path };
}

/**
 * What Spring answers for a path it has no handler for: the framework shape
 * WITHOUT `message` (Spring Boot leaves it out by default). The server answers
 * every unknown path with it, and the `route-not-found` fault imitates it.
 */
export interface RouteNotFoundBody {
  timestamp: number;
  status: 404;
  error: "Not Found";
  path: string;
}

export function routeNotFound(path: string, now: number): RouteNotFoundBody {
  return { timestamp: now, status: 404, error: "Not Found", path };
}

/**
 * Thrown by the tenant model when a call breaks a rule (unknown serial, token
 * not assigned, ...). Routes turn it into the business error shape; anything
 * else thrown is an unexpected failure and becomes a 500.
 */
export class BusinessError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
    this.name = "BusinessError";
  }

  get body(): BusinessErrorBody {
    return businessError(this.status, this.description);
  }
}

export const badRequest = (description: string) => new BusinessError(400, description);
export const notFound = (description: string) => new BusinessError(404, description);
export const conflict = (description: string) => new BusinessError(409, description);
