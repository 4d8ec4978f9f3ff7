import type { z } from "zod";

/** What the door says, in whole sentences. */
export const GUARD_MESSAGES = {
  unauthenticated: "You are not signed in, so nothing was done. Sign in and try again.",
  forbidden: "Your role does not allow this, so nothing was done. Ask an administrator if you need it.",
  invalidInput:
    "The request was not understood, so nothing was done. Check the highlighted fields, or reload the page.",
  databaseUnavailable:
    "tokendesk's database is unavailable, so nothing was done. Try again in a minute; if it keeps happening, tell your administrator.",
  internal:
    "Something went wrong inside tokendesk, so nothing was done. Try again; if it keeps happening, tell your administrator and quote the reference.",
  tooLarge: "The request was too large, so nothing was done.",
} as const;

// zod's own messages ("Invalid input: expected string, received undefined") are for developers, not agents.
const ZOD_DEFAULT = /^(Invalid|Too (big|small)|Unrecognized|Expected)\b/;
const NOT_VALID = "This value is not valid.";

/** The first message per top-level field, for forms that show errors beside each field. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    errors[field] ??= ZOD_DEFAULT.test(issue.message) ? NOT_VALID : issue.message;
  }
  return errors;
}
