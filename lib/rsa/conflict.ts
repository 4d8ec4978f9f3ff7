/**
 * RSA answers every state conflict with 409 and says which in its
 * description (the vendor pages: "Cannot enable a hardware token that is not
 * assigned to a particular user"; "not assigned to a specific user or vice
 * versa"; at most five active SID700 tokens per user; "a verification is
 * already in progress"). Reading the description lets the agent hear the
 * actual reason; one that matches nothing is "unknown" and quoted as RSA sent it.
 */
export const CONFLICT_KINDS = [
  /** The token is not assigned to anyone (enable/disable of an unassigned token). */
  "not_assigned",
  /** The token is assigned, but not to the user tokendesk named (unassign, clear PIN, rename). */
  "not_assigned_to_user",
  /** Assign of a token that already has an owner. */
  "already_assigned",
  /** The user already holds the most active SID700 tokens RSA allows (five). */
  "token_limit",
  /** A live verification of this user is already running. */
  "verification_in_progress",
  "unknown",
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** Most specific first: "not assigned to user X" must not read as "not assigned to anyone". */
const RULES: [ConflictKind, RegExp][] = [
  [
    "verification_in_progress",
    /verif\w*[^.]*\b(already|in progress|pending|active)\b|\b(already|in progress)\b[^.]*verif/i,
  ],
  ["token_limit", /\b(five|5|max(imum)?|limit|too many)\b[^.]*\btokens?\b|\btokens?\b[^.]*\b(limit|maximum)\b/i],
  ["already_assigned", /\balready (been )?assigned\b|\bassigned to (another|a different) user\b/i],
  [
    "not_assigned_to_user",
    /\bnot assigned to (this|that|the|given|specified) user\b|\bnot assigned to user\b|\bnot (assigned|registered) to [0-9a-f-]{8,}|\bbelongs? to (another|a different) user\b/i,
  ],
  ["not_assigned", /\bnot assigned\b|\bunassigned\b|\bno (user|owner)\b/i],
];

export function classifyConflict(description: string | undefined): ConflictKind {
  if (!description) return "unknown";
  for (const [kind, pattern] of RULES) if (pattern.test(description)) return kind;
  return "unknown";
}
