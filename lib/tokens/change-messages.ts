import type { AppErrorCode } from "@/lib/guard/error-codes";
import type { RsaError } from "@/lib/rsa/errors";
import { describeRsaFailure } from "@/lib/tokens/rsa-messages";

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

/** Added to every unknown outcome: the agent should know it will not stay unknown. */
const WILL_CHECK = "tokendesk will check with RSA and record what happened.";

export type ChangeFailureSituation = "read-before-change" | "change" | "unknown";

/** The result code, sentence and screen details for an RSA error met on the change path. */
export function rsaChangeFailure(
  error: RsaError,
  situation: ChangeFailureSituation,
): { code: AppErrorCode; message: string; details?: Record<string, unknown> } {
  const details: Record<string, unknown> = {};
  if (error.retryAfterMs) details.retryAfterMs = error.retryAfterMs;
  if (error.downSince) details.rsaDownSince = error.downSince;
  const message = describeRsaFailure(error, "change");
  if (situation === "unknown") return { code: "OUTCOME_UNKNOWN", message: `${message} ${WILL_CHECK}`, details };
  return { code: `RSA_${error.kind.toUpperCase()}`, message, details };
}
