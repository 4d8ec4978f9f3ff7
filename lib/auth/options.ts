import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authSecret, env } from "@/lib/env";
import { authenticate } from "@/lib/auth/authenticate";
import { SIGN_IN_ERRORS } from "@/lib/auth/sign-in-errors";
import { logger } from "@/lib/logger";
import { SignInThrottledError } from "@/lib/auth/sign-in-throttle";
import { isDatabaseUnavailable } from "@/lib/db/availability";
import { requestContextFrom } from "@/lib/request-context";
import { checkSession, signOutEverywhere, type SessionClaims } from "@/lib/auth/session-store";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(256),
});

function header(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== "object") return null;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

function claimsOf(token: Record<string, unknown> | null | undefined): SessionClaims | null {
  if (!token) return null;
  const { uid, sid, sv } = token;
  if (typeof uid !== "string" || typeof sid !== "string" || typeof sv !== "number") return null;
  return { uid, sid, sv };
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    pages: { signIn: "/signin", error: "/signin" },
    // next-auth's own messages go to the structured log; a forged or stale cookie is routine, not a stack trace.
    logger: {
      error: (code, metadata) =>
        logger().warn({ code, reason: metadata instanceof Error ? metadata.message : undefined }, "next-auth"),
      warn: (code) => logger().warn({ code }, "next-auth"),
      debug: () => {},
    },
    session: { strategy: "jwt", maxAge: env().SESSION_MAX_AGE_MINUTES * 60 },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const context = requestContextFrom((name) => header(req?.headers, name));
          let result: Awaited<ReturnType<typeof authenticate>>;
          try {
            result = await authenticate(parsed.data.email, parsed.data.password, {
              ipAddress: context.clientIp,
              userAgent: context.userAgent,
              requestId: context.requestId,
            });
          } catch (error) {
            // next-auth hands a thrown error's message to the sign-in form (and puts it in a URL):
            // only our own codes ever leave, never a driver's message.
            if (error instanceof SignInThrottledError)
              throw new Error(error.scope === "email" ? SIGN_IN_ERRORS.throttled : SIGN_IN_ERRORS.throttledAddress);
            if (isDatabaseUnavailable(error)) throw new Error(SIGN_IN_ERRORS.databaseUnavailable);
            logger().error({ err: error, requestId: context.requestId }, "sign-in failed unexpectedly");
            throw new Error(SIGN_IN_ERRORS.internal);
          }
          if (!result) return null;
          return {
            id: result.user.id,
            email: result.user.email,
            name: result.user.displayName,
            role: result.user.role,
            sid: result.sessionId,
            sv: result.user.sessionVersion,
          };
        },
      }),
    ],
    callbacks: {
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
