import { z } from "zod";

/** The pick list of reasons for a change. Browser-safe. */
export const CHANGE_REASONS = {
  lost: "Lost",
  found: "Found",
  "left-company": "Left the company",
  "suspected-compromise": "Suspected compromise",
  "user-request": "User request",
  other: "Other",
} as const;

export type ChangeReason = keyof typeof CHANGE_REASONS;

export const changeDetailsSchema = z
  .object({
    ticket: z
      .string()
      .trim()
      .min(1, "Enter the ticket reference.")
      .max(64, "The ticket reference can be at most 64 characters."),
    reason: z.enum(Object.keys(CHANGE_REASONS) as [ChangeReason, ...ChangeReason[]], { message: "Pick a reason." }),
    note: z.string().trim().max(500, "The note can be at most 500 characters.").optional().default(""),
  })
  .refine((v) => v.reason !== "other" || v.note.length > 0, {
    path: ["note"],
    message: "Say why in the note when the reason is Other.",
  });

export type ChangeDetails = z.infer<typeof changeDetailsSchema>;
