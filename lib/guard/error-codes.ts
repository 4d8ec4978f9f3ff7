/**
 * The closed set of error codes an action or route can answer with, and the
 * one place they map to HTTP statuses. Browser-safe (no imports): the UI
 * branches on these codes.
 */
const STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  INVALID_SERIAL: 400,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  BUSY: 409,
  STATE_CHANGED: 409,
  NOT_ALLOWED: 409,
  /** The change was sent to RSA and no readable answer came back. */
  OUTCOME_UNKNOWN: 502,
  DATABASE_UNAVAILABLE: 503,
  AUDIT_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

/** What RSA's typed errors become (RSA_<KIND>); an RSA kind not listed answers 502. */
const RSA_STATUS: Record<string, number> = {
  RSA_NOT_FOUND: 404,
  RSA_CONFLICT: 409,
  RSA_BAD_REQUEST: 502,
  RSA_RATE_LIMITED: 429,
  RSA_CREDENTIAL_REJECTED: 502,
  RSA_UNAVAILABLE: 502,
  RSA_TIMEOUT: 504,
  RSA_NETWORK: 502,
  RSA_INVALID_ANSWER: 502,
  RSA_NOT_CONFIGURED: 503,
  RSA_MISCONFIGURED: 503,
  RSA_CIRCUIT_OPEN: 503,
};

export type AppErrorCode = keyof typeof STATUS | `RSA_${string}`;

export function httpStatusFor(code: AppErrorCode): number {
  if (code in STATUS) return STATUS[code as keyof typeof STATUS];
  if (code.startsWith("RSA_")) return RSA_STATUS[code] ?? 502;
  return 500;
}

export function isAppErrorCode(code: string): code is AppErrorCode {
  return code in STATUS || /^RSA_[A-Z_]+$/.test(code);
}
