import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { hasControlCharacters } from "@/lib/validation/text";

/**
 * The fields the administration page's actions accept, with sentences a
 * person can act on. Only identifiers and intent: everything else about the
 * user is re-read from the database by the user service.
 */

export const emailField = z
  .string({ error: "Enter an e-mail address." })
  .trim()
  .min(1, "Enter an e-mail address.")
  .max(254, "An e-mail address has at most 254 characters.");

export const nameField = z
  .string({ error: "Enter the person's name." })
  .trim()
  .min(1, "Enter the person's name.")
  .max(120, "A name has at most 120 characters.")
  .refine((text) => !hasControlCharacters(text), "The name must not contain control characters.");

export const roleField = z.enum(ROLES, { error: "Choose a role." });

/** Optional, as the issue asks: a change to users needs no ticket, and a reason only if the administrator gives one. */
export const reasonField = z
  .string()
  .max(500, "A reason has at most 500 characters.")
  .refine((text) => !hasControlCharacters(text, true), "The reason must not contain control characters.")
  .optional()
  .transform((text) => text?.trim() || null);

export const userTarget = z.object({ email: emailField, reason: reasonField });
