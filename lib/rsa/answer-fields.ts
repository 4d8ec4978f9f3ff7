import { z } from "zod";

/**
 * The field readers RSA's answers are built from, in two layers:
 * - informational fields (names, dates, flags) never fail: an odd value is null;
 * - fields tokendesk acts on (serials, user ids) fail the record they are in.
 * Status and state are a third case (token-record.ts): an unknown value is
 * kept as RSA sent it and simply offers no action.
 */

/*
 * Each lenient field is `z.unknown().optional()` first: zod 4 reports a missing
 * key as an error unless the field's schema is optional, and a field RSA
 * leaves out is as normal as one it sends as null.
 */

export const text = z
  .unknown()
  .optional()
  .transform((v): string | null => (typeof v === "string" ? v : typeof v === "number" ? String(v) : null));

/** ISO 8601 when it can be read (including the vendor's colon-less `T161656.879Z`), otherwise null. */
export function normaliseTimestamp(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return new Date(value).toISOString();
  if (typeof value !== "string" || !value.trim()) return null;
  const trimmed = value.trim();
  const direct = Date.parse(trimmed);
  if (!Number.isNaN(direct)) return new Date(direct).toISOString();
  const withColons = trimmed.replace(/T(\d{2})(\d{2})(\d{2})/, "T$1:$2:$3");
  const repaired = Date.parse(withColons);
  return Number.isNaN(repaired) ? null : new Date(repaired).toISOString();
}

export const timestamp = z.unknown().optional().transform(normaliseTimestamp);

export const flag = z
  .unknown()
  .optional()
  .transform((v): boolean | null => {
    if (typeof v === "boolean") return v;
    if (v === "true" || v === "True") return true;
    if (v === "false" || v === "False") return false;
    return null;
  });

/** A list of names (groups): strings kept, `{name}` objects read by name, anything else dropped. */
export const textList = z
  .unknown()
  .optional()
  .transform((v): string[] =>
    Array.isArray(v)
      ? v.flatMap((item) => {
          if (typeof item === "string") return [item];
          const name = (item as { name?: unknown } | null)?.name;
          return typeof name === "string" ? [name] : [];
        })
      : [],
  );

/** A serial tokendesk can send back to RSA: the same alphabet the client checks before sending. */
export const serial = z
  .string()
  .trim()
  .min(1)
  .max(36)
  .regex(/^[0-9A-Za-z-]+$/);

/** An RSA user id tokendesk can put in a path: non-empty, no spaces. */
export const userId = z.string().trim().min(1).max(64).regex(/^\S+$/);

/** Where null means "nobody" (an unassigned token's owner, a PIN answer without userId). */
export const optionalUserId = userId
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/** A value from a known list, or null with RSA's own word kept (trimmed; "" when it sent none). */
export function readKnown<T extends string>(value: unknown, known: readonly T[]): { value: T | null; raw: string } {
  const raw = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
  return { value: (known as readonly string[]).includes(raw) ? (raw as T) : null, raw };
}

/**
 * A list whose records are checked one by one: a record that fails is left
 * out and counted, so one odd record hides only itself. Not an array at all
 * is a failed answer.
 */
export function listOf<T>(record: z.ZodType<T>) {
  return z.unknown().transform((v, ctx): { items: T[]; hidden: number } => {
    if (!Array.isArray(v)) {
      ctx.addIssue({ code: "custom", message: "expected a list" });
      return z.NEVER;
    }
    const items: T[] = [];
    let hidden = 0;
    for (const entry of v) {
      const parsed = record.safeParse(entry);
      if (parsed.success) items.push(parsed.data);
      else hidden++;
    }
    return { items, hidden };
  });
}

/** An answer that may be an empty body (the transport passes undefined for one): read as an empty object. */
export function orEmpty<T>(schema: z.ZodType<T>) {
  return z.preprocess((v) => v ?? {}, schema);
}
