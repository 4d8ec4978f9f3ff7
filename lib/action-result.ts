/**
 * The one result shape of every server action and JSON route: never a raw
 * upstream body, Prisma row or error.message — a code the UI can branch on and
 * a sentence a person can act on.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: string;
      message: string;
      fieldErrors?: Record<string, string>;
      referenceId?: string;
      details?: Record<string, unknown>;
    };

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(
  code: string,
  message: string,
  extra: { fieldErrors?: Record<string, string>; referenceId?: string; details?: Record<string, unknown> } = {},
): ActionResult<never> {
  return { ok: false, code, message, ...extra };
}
