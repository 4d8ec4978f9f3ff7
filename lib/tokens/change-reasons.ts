/**
 * The pick list of reasons for a change. Browser-safe and free of imports, so
 * the confirm dialog can show it without pulling a validation library into
 * the page (the server validates with change-details.ts).
 */
export const CHANGE_REASONS = {
  lost: "Lost",
  found: "Found",
  "left-company": "Left the company",
  "suspected-compromise": "Suspected compromise",
  "user-request": "User request",
  other: "Other",
} as const;

export type ChangeReason = keyof typeof CHANGE_REASONS;

/** What the agent gives with every change: the ticket it is filed under, a reason, and an optional note. */
export interface ChangeDetails {
  ticket: string;
  reason: ChangeReason;
  note: string;
}
