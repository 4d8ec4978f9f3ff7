import type { AppErrorCode } from "@/lib/guard/error-codes";

/**
 * The one result shape of every server action and JSON route: never a raw
 * upstream body, Prisma row or error.message — a code from the closed set the
 * UI can branch on, and a sentence a person can act on.
 */
export type ActionFailure = {
  ok: false;
  code: AppErrorCode;
  message: string;
  fieldErrors?: Record<string, string>;
  referenceId?: string;
  details?: Record<string, unknown>;
};

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(
  code: AppErrorCode,
  message: string,
  extra: { fieldErrors?: Record<string, string>; referenceId?: string; details?: Record<string, unknown> } = {},
): ActionFailure {
  return { ok: false, code, message, ...extra };
}
