/**
 * What an audit event's ending is called on every screen and in every export,
 * from the OUTCOME as recorded and the later RESOLUTION, if any. "Unknown"
 * stays unknown until the reconciler has looked; it is never called a failure.
 * Browser-safe.
 */

export type OutcomeTone = "ok" | "bad" | "unknown" | "neutral";

export interface OutcomeWords {
  /** A short phrase: "applied (confirmed later)". */
  text: string;
  tone: OutcomeTone;
}

const RESOLUTION_WORDS: Record<string, OutcomeWords> = {
  APPLIED: { text: "applied (confirmed later)", tone: "ok" },
  NOT_APPLIED: { text: "not applied (confirmed later)", tone: "bad" },
  STILL_UNKNOWN: { text: "unknown — could not be confirmed", tone: "unknown" },
};

const OUTCOME_WORDS: Record<string, OutcomeWords> = {
  SUCCESS: { text: "succeeded", tone: "ok" },
  FAILURE: { text: "failed", tone: "bad" },
  UNKNOWN: { text: "unknown — not yet confirmed", tone: "unknown" },
  // Reconciled outcomes written before resolutions had rows of their own.
  ...RESOLUTION_WORDS,
  REFUSED: { text: "refused", tone: "bad" },
  FOUND: { text: "found", tone: "neutral" },
  NOT_FOUND: { text: "not found", tone: "neutral" },
  FAILED: { text: "failed", tone: "bad" },
  WRONG_PASSWORD: { text: "wrong password", tone: "bad" },
  UNKNOWN_EMAIL: { text: "unknown e-mail", tone: "bad" },
  USER_DISABLED: { text: "account disabled", tone: "bad" },
  THROTTLED: { text: "refused: too many attempts", tone: "bad" },
  DATABASE_UNAVAILABLE: { text: "database unavailable", tone: "bad" },
  NO_PASSWORD: { text: "refused: account has no password", tone: "bad" },
  PASSWORDS_OFF: { text: "refused: passwords are off", tone: "bad" },
  SSO_NO_ROLE: { text: "refused: in no tokendesk group", tone: "bad" },
  SSO_EMAIL_CONFLICT: { text: "refused: e-mail belongs to another account", tone: "bad" },
  SSO_CLAIMS_INVALID: { text: "refused: identity provider sent no id or e-mail", tone: "bad" },
  SSO_DENIED: { text: "refused by the identity provider", tone: "bad" },
  SSO_PROVIDER_REFUSED: { text: "identity provider refused tokendesk", tone: "bad" },
  SSO_UNREACHABLE: { text: "identity provider unreachable", tone: "bad" },
  SSO_ISSUER_MISMATCH: { text: "refused: wrong issuer", tone: "bad" },
  SSO_TOKEN_INVALID: { text: "refused: ID token not valid", tone: "bad" },
  SSO_STATE_INVALID: { text: "refused: sign-in not started here", tone: "bad" },
  SSO_FAILED: { text: "single sign-on failed", tone: "bad" },
};

export function outcomeWords(
  row: {
    type: string;
    outcome: string | null;
    resolution?: string | null;
    occurredAt: Date | string;
  },
  now: number,
  reconcileAfterSeconds = 60,
): OutcomeWords {
  if (row.resolution && RESOLUTION_WORDS[row.resolution]) return RESOLUTION_WORDS[row.resolution]!;
  if (row.type === "CHANGE_INTENT" && !row.outcome) {
    const ageSeconds = (now - new Date(row.occurredAt).getTime()) / 1000;
    return ageSeconds > reconcileAfterSeconds
      ? { text: "unknown — waiting to be confirmed", tone: "unknown" }
      : { text: "in progress", tone: "neutral" };
  }
  if (!row.outcome) return { text: "", tone: "neutral" };
  return OUTCOME_WORDS[row.outcome] ?? { text: row.outcome.toLowerCase().replace(/_/g, " "), tone: "neutral" };
}
