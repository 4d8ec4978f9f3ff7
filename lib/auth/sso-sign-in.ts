import "server-only";
import type { User } from "next-auth";
import type { OidcSettings } from "@/lib/env";
import { identityFromClaims, type Claims } from "@/lib/auth/sso-claims";
import { SIGN_IN_ERRORS, SSO_ERRORS } from "@/lib/auth/sign-in-errors";
import { SsoFailure } from "@/lib/auth/sso-failures";
import { signInWithSso } from "@/lib/auth/sso-users";
import type { SsoAttempt } from "@/lib/auth/sso-attempt";
import { isDatabaseUnavailable } from "@/lib/db/availability";
import { logger } from "@/lib/logger";

/**
 * next-auth's signIn callback for the provider: the claims are verified by
 * now; decide who this is and whether they may in. On success the user
 * object next-auth hands on to the jwt callback carries the same fields as a
 * password sign-in (tokendesk user id, session id and version, role). On
 * refusal the reason goes to the attempt and next-auth is told no.
 */
export async function completeSsoSignIn(
  user: User,
  claims: Claims | undefined,
  settings: OidcSettings,
  attempt: SsoAttempt,
): Promise<boolean> {
  const read = identityFromClaims(claims ?? {}, settings.roleClaim);
  if (!read.ok) {
    attempt.fail(
      new SsoFailure(
        SSO_ERRORS.claimsInvalid,
        read.problem === "no-subject"
          ? "the claims have no sub or iss"
          : "the claims have no email (nor an e-mail address as preferred_username)",
      ),
    );
    return false;
  }
  let result: Awaited<ReturnType<typeof signInWithSso>>;
  try {
    result = await signInWithSso(read.identity, settings.roleMap, attempt.request);
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      attempt.fail(new SsoFailure(SIGN_IN_ERRORS.databaseUnavailable, "the database could not be reached"));
    } else {
      logger().error({ err: error, requestId: attempt.request.requestId }, "single sign-on failed unexpectedly");
      attempt.fail(new SsoFailure(SSO_ERRORS.failed, "an unexpected error in tokendesk (see the log)"));
    }
    return false;
  }
  if (!result.ok) {
    attempt.fail(result.failure, result.actor);
    return false;
  }
  Object.assign(user, {
    id: result.user.id,
    email: result.user.email,
    name: result.user.displayName,
    role: result.user.role,
    sid: result.sessionId,
    sv: result.user.sessionVersion,
  });
  return true;
}
