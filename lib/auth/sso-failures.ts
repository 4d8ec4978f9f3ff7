import { SIGN_IN_ERRORS, SSO_ERRORS, type SsoErrorCode } from "@/lib/auth/sign-in-errors";
import type { SignInFailure } from "@/lib/audit/events";

/**
 * A single sign-on that did not end in a session: the code the browser gets
 * (one of SSO_ERRORS, a sentence on the sign-in page) and, for the audit and
 * the log only, what exactly went wrong. The detail may quote the identity
 * provider; it never reaches the browser.
 */
export type SsoFailureCode = SsoErrorCode | typeof SIGN_IN_ERRORS.databaseUnavailable;

export class SsoFailure extends Error {
  constructor(
    readonly code: SsoFailureCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = "SsoFailure";
  }
}

/** The SIGN_IN_FAILED outcome for each code (the same word, but for a disabled account, which passwords share). */
export function auditOutcomeOf(code: SsoFailureCode): SignInFailure {
  return code === SSO_ERRORS.userDisabled ? "USER_DISABLED" : code;
}

// What an OAuth 2.0 provider's `error` means for the person (RFC 6749 §4.1.2.1, OpenID Connect Core §3.1.2.6).
const PERSON_SIDE = new Set([
  "access_denied",
  "login_required",
  "interaction_required",
  "consent_required",
  "account_selection_required",
]);

/** An `error` the provider sent back to the redirect URI instead of a code. */
export function failureFromAuthorizationError(error: string, description?: string | null): SsoFailure {
  const detail = `the identity provider answered "${error.slice(0, 100)}"${description ? `: ${description.slice(0, 300)}` : ""}`;
  if (error === "temporarily_unavailable" || error === "server_error")
    return new SsoFailure(SSO_ERRORS.unreachable, detail);
  return new SsoFailure(PERSON_SIDE.has(error) ? SSO_ERRORS.denied : SSO_ERRORS.providerRefused, detail);
}

const NETWORK_CODES =
  /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR_\w+)$/;

/**
 * What went wrong in the code exchange or the ID token check, from the error
 * openid-client (under next-auth) throws: an OPError is the provider's own
 * refusal (invalid_client for a wrong secret, invalid_grant for a replayed
 * code or a PKCE mismatch); an RPError is tokendesk refusing what came back
 * (signature, exp, aud, nonce, iss, state); a RequestError or a socket code
 * is the provider not answering. Anything else is reported as a failure
 * without a guess.
 */
export function classifyCallbackError(error: unknown): SsoFailure {
  if (error instanceof SsoFailure) return error;
  const e = (error ?? {}) as { name?: unknown; message?: unknown; code?: unknown; error?: unknown; response?: unknown };
  const message = typeof e.message === "string" ? e.message.slice(0, 300) : String(error).slice(0, 300);
  const name = typeof e.name === "string" ? e.name : "";
  if (name === "OPError") {
    const code = typeof e.error === "string" ? e.error : "";
    if (code === "temporarily_unavailable" || code === "server_error")
      return new SsoFailure(SSO_ERRORS.unreachable, `token endpoint: ${message}`);
    return new SsoFailure(SSO_ERRORS.providerRefused, `token endpoint refused: ${message}`);
  }
  if (name === "RPError") {
    if (/^(unexpected iss value|iss mismatch|iss missing)/.test(message))
      return new SsoFailure(SSO_ERRORS.issuerMismatch, message);
    if (/^state (missing|mismatch)/.test(message)) return new SsoFailure(SSO_ERRORS.stateInvalid, message);
    // "expected 200 OK, got: 401 Unauthorized": the provider refused without a JSON error body.
    if (e.response) {
      const status = (e.response as { statusCode?: unknown }).statusCode;
      if (typeof status === "number" && status >= 500) return new SsoFailure(SSO_ERRORS.unreachable, message);
      return new SsoFailure(SSO_ERRORS.providerRefused, message);
    }
    return new SsoFailure(SSO_ERRORS.tokenInvalid, message);
  }
  if (name === "RequestError" || name === "TimeoutError" || (typeof e.code === "string" && NETWORK_CODES.test(e.code)))
    return new SsoFailure(SSO_ERRORS.unreachable, message);
  // next-auth's own checks of its state, PKCE and nonce cookies (missing or unreadable: another browser, too late).
  if (/(State|PKCE code_verifier|Nonce) (cookie|value)|cookie was created for a different provider/.test(message))
    return new SsoFailure(SSO_ERRORS.stateInvalid, message);
  return new SsoFailure(SSO_ERRORS.failed, message || "an unexpected error");
}
