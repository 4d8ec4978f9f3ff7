import { z } from "zod";
import { CHANGE_REASONS, type ChangeDetails, type ChangeReason } from "@/lib/tokens/change-reasons";
import { hasControlCharacters } from "@/lib/validation/text";

/** The server's check of a change's ticket, reason and note, with a sentence per field. */
export const changeDetailsSchema: z.ZodType<ChangeDetails, unknown> = z
  .object({
    ticket: z
      .string()
      .trim()
      .min(1, "Enter the ticket reference.")
      .max(64, "The ticket reference can be at most 64 characters.")
      .refine((t) => !hasControlCharacters(t), "The ticket reference can only contain printable characters."),
    reason: z.enum(Object.keys(CHANGE_REASONS) as [ChangeReason, ...ChangeReason[]], { message: "Pick a reason." }),
    note: z
      .string()
      .trim()
      .max(500, "The note can be at most 500 characters.")
      .refine((t) => !hasControlCharacters(t, true), "The note can only contain printable characters and line breaks.")
      .optional()
      .default(""),
  })
  .refine((v) => v.reason !== "other" || v.note.length > 0, {
    path: ["note"],
    message: "Say why in the note when the reason is Other.",
  });

/** The change details from an action's raw fields, or the sentence for each field that is wrong. */
export function parseChangeDetails(raw: {
  ticket?: unknown;
  reason?: unknown;
  note?: unknown;
}): { ok: true; details: ChangeDetails } | { ok: false; fieldErrors: Record<string, string> } {
  const parsed = changeDetailsSchema.safeParse({ ticket: raw.ticket, reason: raw.reason, note: raw.note ?? "" });
  if (parsed.success) return { ok: true, details: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
  return { ok: false, fieldErrors };
}

/** The raw fields every change action takes besides its own: validated by parseChangeDetails. */
export const changeFieldsSchema = z.object({
  // Missing is the same as empty (a form's unchosen <select> sends nothing): parseChangeDetails says which.
  ticket: z.string().max(1000).default(""),
  reason: z.string().max(100).default(""),
  note: z.string().max(5000).optional(),
  /** A caller verification recorded just before (its audit event id), attached to the change's rows. */
  verificationId: z.uuid().optional(),
});
