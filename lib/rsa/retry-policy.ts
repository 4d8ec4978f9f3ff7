/**
 * When a failed lookup may be tried again. State changes are never retried:
 * a PATCH that may have reached RSA is re-read by a person, not resent.
 */
export const MAX_LOOKUP_RETRIES = 2;
const BACKOFF_BASE_MS = 200;
const BACKOFF_MAX_MS = 2_000;

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/** Full-jitter exponential backoff: a random wait in [0, min(max, base·2^attempt)). */
export function backoffDelayMs(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt));
}
