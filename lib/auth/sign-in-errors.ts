/**
 * The only error codes the sign-in endpoint passes to the browser (next-auth
 * forwards a thrown error's message), and the sentence each one shows.
 * Browser-safe.
 */
export const SIGN_IN_ERRORS = {
  throttled: "THROTTLED",
  throttledAddress: "THROTTLED_ADDRESS",
  databaseUnavailable: "DATABASE_UNAVAILABLE",
  internal: "SIGN_IN_FAILED",
} as const;

export const SIGN_IN_MESSAGES: Record<string, string> = {
  [SIGN_IN_ERRORS.throttled]:
    "Too many failed sign-ins for this email. Wait 15 minutes and try again, or ask an administrator to reset your password.",
  [SIGN_IN_ERRORS.throttledAddress]:
    "Too many sign-in attempts from your network. Wait 15 minutes and try again, or ask an administrator.",
  [SIGN_IN_ERRORS.databaseUnavailable]:
    "tokendesk's database is unavailable, so nobody can sign in right now. Try again in a minute; if it keeps happening, tell your administrator.",
  [SIGN_IN_ERRORS.internal]:
    "Signing in failed because of a problem in tokendesk. Try again; if it keeps happening, tell your administrator.",
  CredentialsSignin: "The email or password is not correct.",
};

/** The sentence for an error code from next-auth; anything unexpected reads as a wrong password (says nothing more). */
export function signInMessage(code: string | null | undefined): string {
  return (code && SIGN_IN_MESSAGES[code]) || SIGN_IN_MESSAGES.CredentialsSignin!;
}
