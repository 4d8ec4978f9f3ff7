import { z } from "zod";
import { EMERGENCY_EXPIRY_UNITS, type EmergencyCodeRequest } from "@/lib/rsa/help-desk-types";
import { RsaError } from "@/lib/rsa/errors";

/** What tokendesk will send: checked before any request leaves, so bad input never reaches RSA. */

export const serialInput = z.string().regex(/^[0-9A-Za-z-]{1,36}$/, "a serial number is 1 to 36 letters or digits");
export const userIdInput = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, "an RSA user id is a UUID");
export const emailInput = z.email();
/** Vendor limit for a token's name (assign, rename): 255 characters. */
export const tokenNameInput = z
  .string()
  .max(255, "a token name is at most 255 characters")
  .refine((v) => v.trim() !== "", "a token name is not empty");
/** A literal piece of an e-mail address (RSA treats it literally: no wildcards). */
export const emailLikeInput = z
  .string()
  .trim()
  .min(1, "the search text is empty")
  .max(255)
  .refine((v) => !/[\u0000-\u001f]/.test(v), "the search text has control characters");
export const pageInput = z.object({
  pageSize: z.number().int().min(1).max(100),
  pageNumber: z.number().int().min(0).max(100_000),
});
/** Goes into a path: letters, digits, `-` and `_` only (no dots, so never `..`). */
export const codeIdInput = z.string().regex(/^[0-9A-Za-z_-]{1,128}$/, "an emergency access code id");
export const verifyCodeInput = z.string().regex(/^[0-9A-Za-z]{1,32}$/, "a verification code is letters or digits");

const MINUTES_PER_UNIT = { minutes: 1, hours: 60, days: 24 * 60 } as const;
const MAX_MINUTES = 7 * 24 * 60;

/** From 1 minute to 7 days, in whole units (REFERENCE.md, call 14). */
export const emergencyRequestInput: z.ZodType<EmergencyCodeRequest> = z
  .object({
    oneTimeUse: z.boolean(),
    expiryUnit: z.enum(EMERGENCY_EXPIRY_UNITS),
    expiryValue: z.number().int("the duration is a whole number").min(1, "the duration is at least 1"),
  })
  .refine((r) => r.expiryValue * MINUTES_PER_UNIT[r.expiryUnit] <= MAX_MINUTES, {
    message: "an emergency access code lasts from 1 minute to 7 days",
    path: ["expiryValue"],
  });

/** Parses input or throws bad_request with nothing sent (the value itself is never echoed). */
export function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new RsaError(
      "bad_request",
      `not sent to RSA: ${what} is invalid (${parsed.error.issues[0]?.message ?? "invalid"})`,
      { sentRequest: false },
    );
  }
  return parsed.data;
}

export const userPath = (userId: string) =>
  `/users/${encodeURIComponent(check(userIdInput, userId, "the RSA user id"))}`;
