import type { RsaError } from "@/lib/rsa/errors";
import type { ConflictKind } from "@/lib/rsa/conflict";

/**
 * What to tell an agent when RSA refuses or fails: what happened, what became
 * of the change, and what to do — each a whole sentence from the table below
 * (never words glued into a sentence, so each reads right and can be
 * translated). RSA's own description goes to logs and the audit; it is shown
 * only, quoted, for a conflict tokendesk cannot name.
 */

const SENTENCES = {
  notFoundLookup: "RSA has no token with this serial.",
  notFoundChange: "RSA no longer knows this token or its owner.",
  conflict: {
    not_assigned: "RSA refused because the token is not assigned to anyone.",
    not_assigned_to_user: "RSA refused because the token is not assigned to this user any more.",
    already_assigned: "RSA refused because the token is already assigned to someone.",
    token_limit: "RSA refused because this user already has five active tokens, the most RSA allows.",
    verification_in_progress: "RSA refused because a verification of this user is already in progress.",
  } satisfies Record<Exclude<ConflictKind, "unknown">, string>,
  conflictQuoted: (description: string) => `RSA refused because of a conflict it describes as “${description}”.`,
  conflictUnexplained: "RSA refused because the token is not in a state that allows this.",
  inputRefused: "tokendesk did not send this request because a value in it is not valid.",
  badRequest: "RSA rejected the request as invalid.",
  rateLimited: "RSA is receiving too many requests.",
  credentialRejected: "RSA rejected tokendesk's credentials.",
  unavailable: "RSA is not available right now.",
  timeout: "RSA did not answer in time.",
  networkBeforeSending: "tokendesk could not reach RSA.",
  networkAfterSending: "The connection to RSA broke after the request was sent.",
  invalidAnswer: "RSA sent an answer tokendesk could not read.",
  answerUnreadable: "RSA accepted the change, but tokendesk could not read its answer.",
  misconfigured: "tokendesk is misconfigured; tell your administrator.",
  circuitOpen: (since: string) => `RSA has not answered since ${since}; tokendesk is retrying in the background.`,
  notConfigured: "tokendesk's connection to RSA is not set up correctly.",

  nothingSent: "Nothing was sent to RSA, so nothing was changed.",
  notChanged: "Nothing was changed.",
  unknownOutcome: "It is unknown whether the change was made.",

  searchAgain: "Search the serial again to see where it stands.",
  searchBeforeRetry: "Search the serial again to see where it stands before you try again.",
  unassignAnother: "Unassign one of the user's other tokens first.",
  waitForVerification: "Wait for that verification to end, or cancel it, and then start again.",
  checkSerial: "Check the serial; if it is right, tell your administrator.",
  tryAgainIn: (seconds: number) => (seconds === 1 ? "Try again in 1 second." : `Try again in ${seconds} seconds.`),
  tryAgainSoon: "Try again in a few seconds.",
  tryAgainMinute: "Try again in a minute.",
  tryAgain: "Try again.",
  tryAgainOrAdmin: "Try again; if it keeps happening, tell your administrator.",
  tellAdmin: "Tell your administrator.",
  tellAdminCheck: "Tell your administrator (npm run rsa:check explains why).",
  tellAdminSetup: "Tell your administrator (npm run rsa:check explains what is wrong).",
  whenBack: "Try again once RSA answers again.",
} as const;

export interface DescribeOptions {
  /** How to show an instant (circuit_open's downSince); default "HH:MM UTC". The UI passes the viewer's local time. */
  formatInstant?: (iso: string) => string;
}

const utcClock = (iso: string) => `${new Date(iso).toISOString().slice(11, 16)} UTC`;

/** The sentence saying what happened. */
function cause(error: RsaError, situation: "lookup" | "change", options: DescribeOptions): string {
  switch (error.kind) {
    case "not_found":
      return situation === "change" ? SENTENCES.notFoundChange : SENTENCES.notFoundLookup;
    case "conflict": {
      const kind = error.conflict ?? "unknown";
      if (kind !== "unknown") return SENTENCES.conflict[kind];
      return error.rsaDescription ? SENTENCES.conflictQuoted(error.rsaDescription) : SENTENCES.conflictUnexplained;
    }
    case "bad_request":
      return error.nothingSent ? SENTENCES.inputRefused : SENTENCES.badRequest;
    case "rate_limited":
      return SENTENCES.rateLimited;
    case "credential_rejected":
      return SENTENCES.credentialRejected;
    case "unavailable":
      return SENTENCES.unavailable;
    case "timeout":
      return SENTENCES.timeout;
    case "network":
      return error.nothingSent ? SENTENCES.networkBeforeSending : SENTENCES.networkAfterSending;
    case "invalid_answer":
      return SENTENCES.invalidAnswer;
    case "answer_unreadable":
      return SENTENCES.answerUnreadable;
    case "misconfigured":
      return SENTENCES.misconfigured;
    case "circuit_open":
      return SENTENCES.circuitOpen((options.formatInstant ?? utcClock)(error.downSince ?? new Date().toISOString()));
    case "not_configured":
      return SENTENCES.notConfigured;
  }
}

/** What became of a change: unknown, never sent, or refused. */
function outcome(error: RsaError): string {
  if (error.mayHaveBeenApplied) return SENTENCES.unknownOutcome;
  return error.nothingSent ? SENTENCES.nothingSent : SENTENCES.notChanged;
}

/** What to do next. */
function advice(error: RsaError, situation: "lookup" | "change"): string | null {
  if (situation === "change" && error.mayHaveBeenApplied) return SENTENCES.searchBeforeRetry;
  switch (error.kind) {
    case "not_found":
      return situation === "change" ? SENTENCES.searchAgain : null;
    case "conflict":
      if (error.conflict === "token_limit") return SENTENCES.unassignAnother;
      if (error.conflict === "verification_in_progress") return SENTENCES.waitForVerification;
      return SENTENCES.searchAgain;
    case "bad_request":
      return SENTENCES.checkSerial;
    case "rate_limited": {
      const seconds = error.retryAfterMs ? Math.ceil(error.retryAfterMs / 1000) : null;
      return seconds ? SENTENCES.tryAgainIn(seconds) : SENTENCES.tryAgainSoon;
    }
    case "credential_rejected":
      return SENTENCES.tellAdminCheck;
    case "unavailable":
      return SENTENCES.tryAgainMinute;
    case "timeout":
      return SENTENCES.tryAgain;
    case "network":
      return SENTENCES.tryAgainOrAdmin;
    case "invalid_answer":
    case "answer_unreadable":
      return SENTENCES.tellAdmin;
    case "circuit_open":
      return SENTENCES.whenBack;
    case "not_configured":
      return SENTENCES.tellAdminSetup;
    case "misconfigured":
      return null; // the sentence already says what to do
  }
}

/**
 * The agent's sentences for a failed RSA call. For a change it always says
 * what became of it: "It is unknown whether the change was made" when it may
 * have been applied, "Nothing was sent to RSA" when it never left, otherwise
 * "Nothing was changed".
 */
export function describeRsaFailure(
  error: RsaError,
  situation: "lookup" | "change",
  options: DescribeOptions = {},
): string {
  const parts = [cause(error, situation, options)];
  if (situation === "change") parts.push(outcome(error));
  const next = advice(error, situation);
  if (next) parts.push(next);
  return parts.join(" ");
}
