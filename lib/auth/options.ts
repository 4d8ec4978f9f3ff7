import "server-only";
import type { NextAuthOptions } from "next-auth";
import { authSecret, env, oidcSettings, passwordsEnabled } from "@/lib/env";
import { logger } from "@/lib/logger";
import { isDatabaseUnavailable } from "@/lib/db/availability";
import { checkSession, signOutEverywhere, type SessionClaims } from "@/lib/auth/session-store";
import { passwordProvider } from "@/lib/auth/password-provider";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import type { SsoAttempt } from "@/lib/auth/sso-attempt";
import type { Claims } from "@/lib/auth/sso-claims";
import { classifyCallbackError } from "@/lib/auth/sso-failures";
import { OIDC_PROVIDER_ID, oidcProvider } from "@/lib/auth/sso-provider";
import { completeSsoSignIn } from "@/lib/auth/sso-sign-in";

function claimsOf(token: Record<string, unknown> | null | undefined): SessionClaims | null {
  if (!token) return null;
  const { uid, sid, sv } = token;
  if (typeof uid !== "string" || typeof sid !== "string" || typeof sv !== "number") return null;
  return { uid, sid, sv };
}

// next-auth's codes for a failed OAuth sign-in or callback; their metadata carries the error it caught.
const OAUTH_ERROR_CODES = new Set(["OAUTH_CALLBACK_ERROR", "OAUTH_CALLBACK_HANDLER_ERROR", "SIGNIN_OAUTH_ERROR"]);

/** After sign-in or sign-out: only a path on tokendesk itself, whatever callbackUrl asked for. */
function sameSiteRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const path = safeCallbackPath(url, baseUrl);
  // safeCallbackPath never leads back to the sign-in page, but after sign-out that is exactly where to go.
  const asked = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
  if (path === "/" && /^\/signin(\?|$)/.test(asked)) return `${baseUrl}/signin`;
  return `${baseUrl}${path}`;
}

/**
 * next-auth's configuration. `sso` is the single sign-on attempt of this
 * request (lib/auth/sso-route.ts), present only on the provider's sign-in and
 * callback: it carries the checked provider metadata and collects why a
 * sign-on failed.
 */
export function authOptions(sso: SsoAttempt | null = null): NextAuthOptions {
  const settings = oidcSettings();
  return {
    secret: authSecret(),
    pages: { signIn: "/signin", error: "/signin" },
    // next-auth's own messages go to the structured log; a forged or stale cookie is routine, not a stack trace.
    logger: {
      error: (code, metadata) => {
        const error = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
        if (sso && OAUTH_ERROR_CODES.has(code)) sso.fail(classifyCallbackError(error));
        const reason = (error as { message?: unknown } | undefined)?.message;
        logger().warn({ code, reason: typeof reason === "string" ? reason : undefined }, "next-auth");
      },
      warn: (code) => logger().warn({ code }, "next-auth"),
      debug: () => {},
    },
    session: { strategy: "jwt", maxAge: env().SESSION_MAX_AGE_MINUTES * 60 },
    providers: [
      // AUTH_PASSWORDS=off: no password is ever checked (and the endpoint refuses, audited: sso-route.ts).
      ...(passwordsEnabled() ? [passwordProvider()] : []),
      ...(settings ? [oidcProvider(settings, sso)] : []),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        if (!settings || !sso) return false;
        return completeSsoSignIn(user, profile as Claims | undefined, settings, sso);
      },
      redirect: sameSiteRedirect,
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as unknown as { id: string; sid: string; sv: number; role: string };
          token.uid = signedIn.id;
          token.sid = signedIn.sid;
          token.sv = signedIn.sv;
          token.role = signedIn.role;
        }
        return token;
      },
      // Runs for getServerSession and /api/auth/session alike: a session that
      // the database no longer vouches for comes back without a user.
      async session({ session, token }) {
        const claims = claimsOf(token);
        let check: Awaited<ReturnType<typeof checkSession>> | null = null;
        try {
          check = claims ? await checkSession(claims) : null;
        } catch (error) {
          // Not "signed out": the database cannot say. getCurrentUser() turns this into a clear 503.
          if (isDatabaseUnavailable(error))
            return { expires: session.expires, databaseUnavailable: true } as typeof session;
          throw error;
        }
        if (!check?.ok) return { expires: session.expires } as typeof session;
        return {
          expires: session.expires,
          user: {
            id: check.user.id,
            email: check.user.email,
            name: check.user.displayName,
            role: check.user.role,
            sessionId: check.user.sessionId,
          },
        } as typeof session;
      },
    },
    events: {
      async signOut({ token }) {
        const claims = claimsOf(token);
        if (claims) await signOutEverywhere(claims);
      },
    },
  };
}
