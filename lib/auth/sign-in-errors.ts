/**
 * The only error codes the sign-in endpoints pass to the browser (next-auth
 * forwards a thrown error's message; single sign-on puts its code in the
 * redirect to /signin), and the sentence each one shows. Browser-safe.
 */
export const SIGN_IN_ERRORS = {
  throttled: "THROTTLED",
  throttledAddress: "THROTTLED_ADDRESS",
  databaseUnavailable: "DATABASE_UNAVAILABLE",
  internal: "SIGN_IN_FAILED",
  passwordsOff: "PASSWORDS_OFF",
} as const;

/** Why a single sign-on was refused; each is also the SIGN_IN_FAILED outcome in the audit (see sso-failures.ts). */
export const SSO_ERRORS = {
  noRole: "SSO_NO_ROLE",
  userDisabled: "SSO_USER_DISABLED",
  emailConflict: "SSO_EMAIL_CONFLICT",
  claimsInvalid: "SSO_CLAIMS_INVALID",
  denied: "SSO_DENIED",
  providerRefused: "SSO_PROVIDER_REFUSED",
  unreachable: "SSO_UNREACHABLE",
  issuerMismatch: "SSO_ISSUER_MISMATCH",
  tokenInvalid: "SSO_TOKEN_INVALID",
  stateInvalid: "SSO_STATE_INVALID",
  failed: "SSO_FAILED",
} as const;

export type SsoErrorCode = (typeof SSO_ERRORS)[keyof typeof SSO_ERRORS];

const ASK_ADMIN = "if it keeps happening, tell your administrator.";

export const SIGN_IN_MESSAGES: Record<string, string> = {
  [SIGN_IN_ERRORS.throttled]:
    "Too many failed sign-ins for this email. Wait 15 minutes and try again, or ask an administrator to reset your password.",
  [SIGN_IN_ERRORS.throttledAddress]:
    "Too many sign-in attempts from your network. Wait 15 minutes and try again, or ask an administrator.",
  [SIGN_IN_ERRORS.databaseUnavailable]:
    "tokendesk's database is unavailable, so nobody can sign in right now. Try again in a minute; if it keeps happening, tell your administrator.",
  [SIGN_IN_ERRORS.internal]: `Signing in failed because of a problem in tokendesk. Try again; ${ASK_ADMIN}`,
  [SIGN_IN_ERRORS.passwordsOff]:
    "Signing in with a password is turned off here. Use the single sign-on button instead.",
  CredentialsSignin: "The email or password is not correct.",

  [SSO_ERRORS.noRole]:
    "Your identity provider signed you in, but you are not in any tokendesk group, so tokendesk did not let you in. Ask your administrator to add you to the right group.",
  [SSO_ERRORS.userDisabled]:
    "Your tokendesk account is disabled, so you cannot sign in. Ask an administrator to enable it.",
  [SSO_ERRORS.emailConflict]:
    "A tokendesk account with your e-mail address already exists, and your identity provider does not confirm that the address is yours, so tokendesk did not connect the two. Ask an administrator.",
  [SSO_ERRORS.claimsInvalid]:
    "Your identity provider did not send what tokendesk needs (a user id and an e-mail address), so you were not signed in. Tell your administrator.",
  [SSO_ERRORS.denied]:
    "Your identity provider did not sign you in: the sign-in was cancelled or refused there. Try again.",
  [SSO_ERRORS.providerRefused]:
    "Your identity provider refused tokendesk's sign-in request, so you were not signed in. Tell your administrator: tokendesk's single sign-on settings may be wrong.",
  [SSO_ERRORS.unreachable]: `tokendesk could not reach your identity provider, so you were not signed in. Try again in a minute; ${ASK_ADMIN}`,
  [SSO_ERRORS.issuerMismatch]:
    "The identity provider did not identify itself as the one tokendesk is set up to trust, so you were not signed in. Tell your administrator.",
  [SSO_ERRORS.tokenInvalid]: `tokendesk could not verify your identity provider's answer (it was expired, altered or not meant for tokendesk), so you were not signed in. Try again; ${ASK_ADMIN}`,
  [SSO_ERRORS.stateInvalid]:
    "This sign-in could not be matched to one started in this browser (it took too long, or began in another window), so you were not signed in. Start again.",
  [SSO_ERRORS.failed]: `Signing in with single sign-on failed. Try again; ${ASK_ADMIN}`,
};

// next-auth's own codes for OAuth failures, should one ever reach the page without our translation.
for (const code of ["OAuthSignin", "OAuthCallback", "Callback", "AccessDenied", "Configuration", "OAuthCreateAccount"])
  SIGN_IN_MESSAGES[code] = SIGN_IN_MESSAGES[SSO_ERRORS.failed]!;

/** The sentence for an error code from next-auth; anything unexpected reads as a wrong password (says nothing more). */
export function signInMessage(code: string | null | undefined): string {
  return (
    (code && Object.hasOwn(SIGN_IN_MESSAGES, code) && SIGN_IN_MESSAGES[code]) || SIGN_IN_MESSAGES.CredentialsSignin!
  );
}
