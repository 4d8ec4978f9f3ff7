import "server-only";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticate } from "@/lib/auth/authenticate";
import { SIGN_IN_ERRORS } from "@/lib/auth/sign-in-errors";
import { SignInThrottledError } from "@/lib/auth/sign-in-throttle";
import { isDatabaseUnavailable } from "@/lib/db/availability";
import { logger } from "@/lib/logger";
import { requestContextFrom } from "@/lib/request-context";

/** Sign-in with a local e-mail and password (next-auth's credentials provider); offered unless AUTH_PASSWORDS=off. */

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(256),
});

function header(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== "object") return null;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

export function passwordProvider() {
  return CredentialsProvider({
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
  });
}
