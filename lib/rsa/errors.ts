import type { ConflictKind } from "@/lib/rsa/conflict";

/**
 * Every way an RSA call can end other than success, as one typed error. The
 * RSA description is kept for logs and the audit; agents see a sentence from
 * lib/tokens/rsa-messages.ts (`describeRsaFailure`) instead.
 *
 * Names other modules rely on (keep them stable):
 * - `kind` (RsaErrorKind below), `mayHaveBeenApplied`, `nothingSent`, `conflict`, `downSince`.
 * - `sentRequest` exists for lib/rsa only. Outside lib/rsa, a change's outcome is
 *   UNKNOWN when `mayHaveBeenApplied`, else FAILURE (`nothingSent` only picks the
 *   sentence: "Nothing was sent to RSA").
 */

export type RsaErrorKind =
  /** RSA's own business 404 (`{"code":"404 NOT_FOUND",...}`): the serial, user or code does not exist. */
  | "not_found"
  /** 409: RSA refused because of the token's or user's state; `conflict` says which. */
  | "conflict"
  /** 400, or input tokendesk refused to send (then nothing was sent). */
  | "bad_request"
  | "rate_limited"
  /** RSA (or its OAuth token endpoint) refused tokendesk's credential: 401/403. */
  | "credential_rejected"
  /** 5xx: RSA or a gateway in front of it failed. */
  | "unavailable"
  | "timeout"
  | "network"
  /** A lookup's 2xx answer could not be read (nothing was changed). */
  | "invalid_answer"
  /** A change's 2xx answer could not be read: RSA says it applied the change, tokendesk cannot read the result. */
  | "answer_unreadable"
  /** A 404 that is not RSA's business answer (HTML, empty, the framework's "Not Found"): the URL is wrong. */
  | "misconfigured"
  /** RSA has not been reachable for a while; the call failed at once without being sent. */
  | "circuit_open"
  /** tokendesk's own RSA configuration is broken (e.g. the key file went missing after start). */
  | "not_configured";

export interface RsaErrorDetails {
  httpStatus?: number;
  /** The RSA business code, e.g. "404 NOT_FOUND", or the framework body's "error". */
  rsaCode?: string;
  /** RSA's own words: for logs and the audit, never shown raw to an agent (except quoted for an unknown 409). */
  rsaDescription?: string;
  /** How long RSA asked us to wait (Retry-After), when it said. */
  retryAfterMs?: number;
  /**
   * Whether the request to the Administration API left this machine. False
   * when the failure came before sending: input refused, bearer or OAuth token
   * not obtained, connection refused, circuit open.
   */
  sentRequest: boolean;
  /** Whether the call changes something at RSA (a PATCH, PUT, DELETE or verification step). Default false. */
  changesState?: boolean;
  /** Whether a non-2xx body was RSA's own error body (business or framework JSON), not a gateway's page. */
  rsaErrorBody?: boolean;
  conflict?: ConflictKind;
  downSince?: string;
  cause?: unknown;
}

/**
 * The rule the change path relies on: true only when a change was sent and no
 * definite refusal came back — a timeout, a connection cut after sending, an
 * unreadable 2xx, or a 500/502/504 without RSA's own error body (a gateway
 * cannot say whether the service behind it acted). False for anything not
 * sent, for any readable RSA refusal (4xx, a 5xx with RSA's error body), for
 * 503 (the service did not take the request) and for lookups (they change nothing).
 */
function computeMayHaveBeenApplied(kind: RsaErrorKind, details: RsaErrorDetails): boolean {
  if (!details.changesState || !details.sentRequest) return false;
  switch (kind) {
    case "timeout":
    case "network":
    case "answer_unreadable":
      return true;
    case "unavailable":
      return [500, 502, 504].includes(details.httpStatus ?? 0) && !details.rsaErrorBody;
    default:
      return false;
  }
}

/** What each error was built from, so withCall can rebuild it; kept off the error so logs stay small. */
const detailsOf = new WeakMap<RsaError, RsaErrorDetails>();

export class RsaError extends Error {
  readonly kind: RsaErrorKind;
  readonly httpStatus?: number;
  readonly rsaCode?: string;
  readonly rsaDescription?: string;
  readonly retryAfterMs?: number;
  /** For lib/rsa only: read `mayHaveBeenApplied` elsewhere. */
  readonly sentRequest: boolean;
  /** See computeMayHaveBeenApplied: the change path records UNKNOWN when true, FAILURE when false. */
  readonly mayHaveBeenApplied: boolean;
  /**
   * The request never reached the Administration API (input refused, no
   * bearer or OAuth token, connection refused, circuit open), so nothing can
   * have changed: the agent hears "Nothing was sent to RSA".
   */
  readonly nothingSent: boolean;
  /** For `conflict`: which conflict RSA's description names ("unknown" when it names none tokendesk knows). */
  readonly conflict?: ConflictKind;
  /** For `circuit_open`: since when (ISO 8601) RSA has not answered; the UI formats it in the viewer's zone. */
  readonly downSince?: string;
  constructor(kind: RsaErrorKind, message: string, details: RsaErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "RsaError";
    this.kind = kind;
    this.httpStatus = details.httpStatus;
    this.rsaCode = details.rsaCode;
    this.rsaDescription = details.rsaDescription;
    this.retryAfterMs = details.retryAfterMs;
    this.sentRequest = details.sentRequest;
    this.conflict = details.conflict;
    this.downSince = details.downSince;
    this.mayHaveBeenApplied = computeMayHaveBeenApplied(kind, details);
    this.nothingSent = !details.sentRequest;
    detailsOf.set(this, details);
  }

  /** The same failure, seen from a call that does (or does not) change state, or with nothing sent. */
  withCall(changes: { changesState?: boolean; sentRequest?: boolean; message?: string }): RsaError {
    return new RsaError(this.kind, changes.message ?? this.message, {
      ...detailsOf.get(this)!,
      ...(changes.changesState === undefined ? {} : { changesState: changes.changesState }),
      ...(changes.sentRequest === undefined ? {} : { sentRequest: changes.sentRequest }),
    });
  }
}

/** The RSA configuration is missing or wrong: found at start, named plainly. */
export class RsaConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RsaConfigError";
  }
}
