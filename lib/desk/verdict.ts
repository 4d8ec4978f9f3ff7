import { daysUntilDay } from "@/lib/format/calendar-day";

/**
 * The one sentence at the top of every token card: why the caller's token
 * does or does not work, before any field. Then one line the agent can read to
 * the caller. Checked in the order a help desk asks: is it known, is it
 * theirs, has it expired, is it switched off, is it activated — so an expired
 * token never reads as "Enabled". Browser-safe and pure (the clock is passed in).
 */

export type VerdictTone = "works" | "problem" | "waiting" | "neutral" | "unknown";

export interface Verdict {
  tone: VerdictTone;
  /** "Expired 21 days ago — needs a replacement." */
  headline: string;
  /** What the agent can say: "Your token has expired…" */
  sayToCaller: string;
}

export interface VerdictToken {
  tokenStatus: string | null;
  tokenState: string | null;
  rawTokenStatus: string;
  rawTokenState: string;
  userId: string | null;
  expiryDate: string | null;
  pinSet: boolean | null;
  tokenStatusChangedAt: string | null;
}

export interface VerdictContext {
  now: number;
  /** tokendesk's own record of the last enable/disable: who, when, ticket, reason. */
  lastChange?: {
    action: string;
    actorName: string | null;
    at: string;
    ticket: string | null;
    reason: string | null;
  } | null;
  /** The reason's words ("lost" → "Lost"). */
  reasonLabel?: (reason: string) => string;
  /** "3 Nov" in the viewer's zone. */
  formatDay: (iso: string) => string;
}

const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);

function disabledHeadline(token: VerdictToken, context: VerdictContext): string {
  const change = context.lastChange;
  if (change && change.action === "DISABLE") {
    const who = change.actorName ?? "someone at the help desk";
    const why = [
      change.ticket,
      change.reason ? (context.reasonLabel?.(change.reason) ?? change.reason).toLowerCase() : null,
    ]
      .filter(Boolean)
      .join(", ");
    return why
      ? `Disabled by ${who} on ${context.formatDay(change.at)} (${why}).`
      : `Disabled by ${who} on ${context.formatDay(change.at)}.`;
  }
  return token.tokenStatusChangedAt
    ? `Disabled on ${context.formatDay(token.tokenStatusChangedAt)}.`
    : "Disabled: nobody can sign in with it.";
}

export function verdictFor(token: VerdictToken, context: VerdictContext): Verdict {
  if (token.tokenStatus === null || token.tokenState === null) {
    const said = [
      token.tokenStatus === null ? token.rawTokenStatus : null,
      token.tokenState === null ? token.rawTokenState : null,
    ]
      .filter((v): v is string => !!v)
      .map((v) => `"${v}"`)
      .join(" and ");
    return {
      tone: "unknown",
      headline: said
        ? `RSA reports ${said}, which tokendesk does not know: check this token in the RSA console.`
        : "RSA reports a status tokendesk does not know: check this token in the RSA console.",
      sayToCaller: "I need to check your token with our RSA administrators; I will call you back.",
    };
  }
  if (token.tokenState === "Unassigned" || token.userId === null) {
    return {
      tone: "neutral",
      headline: "Not assigned to anyone.",
      sayToCaller: "This token is not assigned to anyone, so it cannot be used to sign in.",
    };
  }
  const left = token.expiryDate ? daysUntilDay(token.expiryDate, context.now) : null;
  if (left !== null && left < 0) {
    const ago = -left;
    return {
      tone: "problem",
      headline: `Expired ${ago === 1 ? "yesterday" : `${days(ago)} ago`} — needs a replacement.`,
      sayToCaller: "Your token has expired, so it no longer works; we will send you a replacement.",
    };
  }
  if (token.tokenStatus === "Disabled") {
    return {
      tone: "problem",
      headline: disabledHeadline(token, context),
      sayToCaller: "Your token is switched off at the moment, so it will not let you sign in.",
    };
  }
  if (token.tokenState === "Activation Pending") {
    return {
      tone: "waiting",
      headline: "Waiting for the user to activate it.",
      sayToCaller: "Your token is ready: sign in once with it to activate it.",
    };
  }
  if (left !== null && left <= 30) {
    return {
      tone: "works",
      headline:
        left === 0
          ? "Works: enabled and activated — but it expires today."
          : `Works: enabled and activated — but it expires in ${days(left)}.`,
      sayToCaller: "Your token works, but it expires soon; a replacement is on its way.",
    };
  }
  if (token.pinSet === false) {
    return {
      tone: "works",
      headline: "Works: enabled and activated; no PIN is set yet.",
      sayToCaller: "At your next sign-in enter only the tokencode, then choose a new PIN.",
    };
  }
  return {
    tone: "works",
    headline: "Works: enabled and activated.",
    sayToCaller:
      "Your token is working. If signing in fails, the PIN or the code may be mistyped; I can clear your PIN if you have forgotten it.",
  };
}
