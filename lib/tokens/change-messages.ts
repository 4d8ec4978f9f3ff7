import type { AppErrorCode } from "@/lib/guard/error-codes";
import type { RsaError } from "@/lib/rsa/errors";
import { rsaFailureMessage } from "@/lib/tokens/rsa-messages";

/**
 * The sentences an agent reads when a change does not end in success. Whole
 * sentences from a table, never words glued together.
 */
export const CHANGE_MESSAGES = {
  busy: "Another change to this token is in progress. Wait a moment, then search again.",
  databaseUnavailable:
    "tokendesk's database is unavailable, so nothing was changed (every change must be recorded first). Try again in a minute; if it keeps happening, tell your administrator.",
  auditUnavailable:
    "The audit trail could not be written, so nothing was changed. Try again; if it keeps happening, tell your administrator.",
} as const;

/** Why RSA may have made the change although tokendesk cannot say so. */
const UNKNOWN_OUTCOME: Partial<Record<RsaError["kind"], string>> = {
  timeout:
    "RSA did not answer in time, so it is unknown whether the change was made. tokendesk will check with RSA and record what happened; search again to see the token as it is now before retrying.",
  network:
    "The connection to RSA broke after the request was sent, so it is unknown whether the change was made. tokendesk will check with RSA and record what happened; search again before retrying.",
  invalid_answer:
    "RSA answered in a way tokendesk could not read, so it is unknown whether the change was made. tokendesk will check with RSA and record what happened; search again before retrying.",
};
const UNKNOWN_OUTCOME_OTHER =
  "RSA's gateway did not pass on an answer, so it is unknown whether the change was made. tokendesk will check with RSA and record what happened; search again before retrying.";

export type ChangeFailureSituation = "read-before-change" | "change" | "unknown";

/** The result code, sentence and screen details for an RSA error met on the change path. */
export function rsaChangeFailure(
  error: RsaError,
  situation: ChangeFailureSituation,
): { code: AppErrorCode; message: string; details?: Record<string, unknown> } {
  const details = error.retryAfterMs ? { retryAfterMs: error.retryAfterMs } : undefined;
  if (situation === "unknown") {
    return { code: "OUTCOME_UNKNOWN", message: UNKNOWN_OUTCOME[error.kind] ?? UNKNOWN_OUTCOME_OTHER };
  }
  return {
    code: `RSA_${error.kind.toUpperCase()}`,
    message: rsaFailureMessage(error.kind, { retryAfterMs: error.retryAfterMs, change: situation === "change" }),
    details,
  };
}
