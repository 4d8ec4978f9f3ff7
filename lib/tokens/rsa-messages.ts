import type { RsaErrorKind } from "@/lib/rsa/errors";

/**
 * What to tell an agent when RSA refuses or fails: what happened and what to
 * do, in plain words. The RSA description itself goes to logs and the audit.
 */
export function rsaFailureMessage(kind: RsaErrorKind, context: { retryAfterMs?: number; change: boolean }): string {
  switch (kind) {
    case "not_found":
      return context.change
        ? "RSA no longer knows this token or its owner. Search the serial again to see where it stands."
        : "RSA has no token with this serial.";
    case "conflict":
      return "RSA refused: the token is not in a state that allows this (for example, it is not assigned to this user any more). Search again to see its current state.";
    case "bad_request":
      return "RSA rejected the request as invalid. Check the serial; if it is right, tell your administrator.";
    case "rate_limited": {
      const wait = context.retryAfterMs ? Math.ceil(context.retryAfterMs / 1000) : null;
      return `RSA is receiving too many requests${context.change ? " and did not make the change" : ""}. Try again ${wait ? `in ${wait} second${wait === 1 ? "" : "s"}` : "in a few seconds"}.`;
    }
    case "credential_rejected":
      return "RSA rejected tokendesk's credentials. Nothing was changed. Tell your administrator (npm run rsa:check explains why).";
    case "unavailable":
      return `RSA is not available right now${context.change ? "; the change was not confirmed" : ""}. Try again in a minute.`;
    case "timeout":
      return context.change
        ? "RSA did not answer in time, so it is unknown whether the change was made. Search the serial again before retrying."
        : "RSA did not answer in time. Try again.";
    case "network":
      return "tokendesk could not reach RSA. Try again; if it keeps happening, tell your administrator.";
    case "invalid_answer":
      return "RSA sent an answer tokendesk could not read. Tell your administrator.";
    case "not_configured":
      return `tokendesk's connection to RSA is not set up correctly, so nothing was ${context.change ? "changed" : "looked up"}. Tell your administrator (npm run rsa:check explains what is wrong).`;
  }
}
