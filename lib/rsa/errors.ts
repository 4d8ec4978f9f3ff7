/**
 * Every way an RSA call can end other than success, as one typed error. The
 * RSA description is kept for logs and the audit; agents see a sentence from
 * lib/tokens/rsa-messages.ts instead.
 */

export type RsaErrorKind =
  | "not_found"
  | "conflict"
  | "bad_request"
  | "rate_limited"
  | "credential_rejected"
  | "unavailable"
  | "timeout"
  | "network"
  | "invalid_answer"
  /** tokendesk's own RSA configuration is broken (e.g. the key file went missing after start). */
  | "not_configured";

export interface RsaErrorDetails {
  httpStatus?: number;
  /** The RSA business code, e.g. "404 NOT_FOUND", or the framework body's "error". */
  rsaCode?: string;
  /** RSA's own words: for logs and the audit, never shown raw to an agent. */
  rsaDescription?: string;
  /** How long RSA asked us to wait (Retry-After), when it said. */
  retryAfterMs?: number;
  /**
   * Whether the request reached RSA. False only when the failure happened
   * before anything was sent (so a change certainly was not applied).
   */
  sentRequest: boolean;
  cause?: unknown;
}

export class RsaError extends Error {
  readonly kind: RsaErrorKind;
  readonly httpStatus?: number;
  readonly rsaCode?: string;
  readonly rsaDescription?: string;
  readonly retryAfterMs?: number;
  readonly sentRequest: boolean;

  constructor(kind: RsaErrorKind, message: string, details: RsaErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "RsaError";
    this.kind = kind;
    this.httpStatus = details.httpStatus;
    this.rsaCode = details.rsaCode;
    this.rsaDescription = details.rsaDescription;
    this.retryAfterMs = details.retryAfterMs;
    this.sentRequest = details.sentRequest;
  }

  /**
   * Whether a change that failed this way may nevertheless have been applied:
   * the request left and no readable refusal came back (a timeout, a cut
   * connection, an unreadable answer, a gateway's 502/504). Callers record
   * such a change as UNKNOWN, never as a failure.
   */
  get mayHaveBeenApplied(): boolean {
    if (!this.sentRequest) return false;
    if (this.kind === "timeout" || this.kind === "network" || this.kind === "invalid_answer") return true;
    return (this.httpStatus === 502 || this.httpStatus === 504) && this.rsaCode === undefined;
  }
}

/** The RSA configuration is missing or wrong: found at start, named plainly. */
export class RsaConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RsaConfigError";
  }
}
