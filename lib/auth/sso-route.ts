import "server-only";
import type { NextAuthOptions } from "next-auth";
import { env, oidcSettings, passwordsEnabled, type OidcSettings } from "@/lib/env";
import { authOptions } from "@/lib/auth/options";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { SIGN_IN_ERRORS } from "@/lib/auth/sign-in-errors";
import { SsoAttempt } from "@/lib/auth/sso-attempt";
import { discoverProvider } from "@/lib/auth/sso-discovery";
import {
  auditOutcomeOf,
  classifyCallbackError,
  failureFromAuthorizationError,
  SsoFailure,
} from "@/lib/auth/sso-failures";
import { OIDC_PROVIDER_ID } from "@/lib/auth/sso-provider";
import { appendAuditEvent } from "@/lib/audit/append";
import { auditEvents, type AuditActor, type AuditRequest } from "@/lib/audit/events";
import { logger } from "@/lib/logger";
import { requestContextFrom } from "@/lib/request-context";

/**
 * Around next-auth's endpoint: the parts of single sign-on that next-auth 4
 * does not do, or does not say. Before a sign-in or its callback, the
 * provider is discovered and checked here (so a wrong issuer is refused);
 * afterwards, whatever went wrong becomes one of our codes in the redirect to
 * /signin, and a SIGN_IN_FAILED row says why — next-auth alone would send
 * "OAuthCallback" for a wrong secret and a forged token alike, and audit
 * nothing. With AUTH_PASSWORDS=off, the password endpoint refuses (audited).
 */

type RunNextAuth = (options: NextAuthOptions) => Promise<Response>;

export async function withSingleSignOn(request: Request, segments: string[], run: RunNextAuth): Promise<Response> {
  const [action, providerId] = segments;
  const settings = oidcSettings();
  if (action === "callback" && providerId === "credentials" && !passwordsEnabled() && request.method === "POST")
    return refusePassword(request);
  const isSignIn = action === "signin" && request.method === "POST";
  if (!settings || providerId !== OIDC_PROVIDER_ID || !(isSignIn || action === "callback")) return run(authOptions());

  const context = requestContextFrom((name) => request.headers.get(name));
  const auditRequest: AuditRequest = context;
  const form = isSignIn ? await formOf(request) : null;
  const reply = { json: form?.get("json") === "true", callbackUrl: callbackPathOf(request, form) };
  const refuse = (failure: SsoFailure, actor?: AuditActor | null) =>
    refused(failure, actor ?? null, { settings, request: auditRequest, ...reply, origin: originOf(request) });

  const url = new URL(request.url);
  const providerError = action === "callback" ? url.searchParams.get("error") : null;
  if (providerError)
    return refuse(failureFromAuthorizationError(providerError, url.searchParams.get("error_description")));

  let attempt: SsoAttempt;
  try {
    attempt = new SsoAttempt(auditRequest, await discoverProvider(settings.issuer));
  } catch (error) {
    return refuse(classifyCallbackError(error));
  }
  const response = await run(authOptions(attempt));
  const nextAuthError = errorOf(await destinationOf(response, reply.json), url);
  // Only a redirect to an error page is a failure: the page the person wanted may have "?error=" of its own.
  if (nextAuthError === null) return response;
  const failure =
    attempt.failure ??
    new SsoFailure("SSO_FAILED", `next-auth ended the sign-in with "${nextAuthError?.slice(0, 60)}"`);
  const answer = await refuse(failure, attempt.actor);
  // Keep next-auth's cookies: they clear the spent state, PKCE and nonce.
  for (const cookie of response.headers.getSetCookie()) answer.headers.append("Set-Cookie", cookie);
  return answer;
}

async function formOf(request: Request): Promise<URLSearchParams | null> {
  if (!(request.headers.get("content-type") ?? "").includes("application/x-www-form-urlencoded")) return null;
  try {
    return new URLSearchParams(await request.clone().text());
  } catch {
    return null;
  }
}

/** Where the person wanted to go: the sign-in form's callbackUrl, or next-auth's cookie during the callback. */
function callbackPathOf(request: Request, form: URLSearchParams | null): string {
  const fromCookie = /(?:^|;\s*)(?:__Secure-)?next-auth\.callback-url=([^;]*)/.exec(
    request.headers.get("cookie") ?? "",
  );
  let raw = form?.get("callbackUrl") ?? null;
  if (!raw && fromCookie) {
    try {
      raw = decodeURIComponent(fromCookie[1]!);
    } catch {
      raw = null;
    }
  }
  return safeCallbackPath(raw, env().NEXTAUTH_URL ?? new URL(request.url).origin);
}

function originOf(request: Request): string {
  return new URL(env().NEXTAUTH_URL ?? request.url).origin;
}

// Where next-auth sends a failed sign-in: its error page, its sign-in page, or ours (pages.error).
const ERROR_PAGES = new Set(["/api/auth/error", "/api/auth/signin", "/signin"]);

function errorOf(destination: string | null, base: URL): string | null {
  if (!destination) return null;
  const target = new URL(destination, base);
  return ERROR_PAGES.has(target.pathname) ? target.searchParams.get("error") : null;
}

async function destinationOf(response: Response, json: boolean): Promise<string | null> {
  const location = response.headers.get("location");
  if (location || !json) return location;
  try {
    const body = (await response.clone().json()) as { url?: unknown };
    return typeof body.url === "string" ? body.url : null;
  } catch {
    return null;
  }
}

interface Reply {
  settings: OidcSettings;
  request: AuditRequest;
  json: boolean;
  callbackUrl: string;
  origin: string;
}

/** Audits and logs the refusal, and sends the browser to /signin with our code (never the provider's words). */
async function refused(failure: SsoFailure, actor: AuditActor | null, reply: Reply): Promise<Response> {
  logger().warn(
    { requestId: reply.request.requestId, code: failure.code, reason: failure.detail },
    "single sign-on refused",
  );
  try {
    await appendAuditEvent(
      auditEvents.signInFailed({
        actor: actor ?? { kind: "anonymous", email: null },
        request: reply.request,
        outcome: auditOutcomeOf(failure.code),
        details: { method: "sso", issuer: reply.settings.issuer, reason: failure.detail },
      }),
    );
  } catch (error) {
    // The refusal stands either way; the person is told the database is down when that is the cause.
    logger().error({ err: error, requestId: reply.request.requestId }, "could not audit a refused single sign-on");
  }
  const target = new URL("/signin", reply.origin);
  target.searchParams.set("error", failure.code);
  if (reply.callbackUrl !== "/") target.searchParams.set("callbackUrl", reply.callbackUrl);
  return answer(target.toString(), reply.json);
}

function answer(url: string, json: boolean, status = 403): Response {
  return json
    ? Response.json({ url }, { status, headers: { "cache-control": "no-store" } })
    : new Response(null, { status: 302, headers: { location: url, "cache-control": "no-store" } });
}

/** AUTH_PASSWORDS=off: no password is checked, and the attempt is in the audit like any refused sign-in. */
async function refusePassword(request: Request): Promise<Response> {
  const form = await formOf(request);
  const context = requestContextFrom((name) => request.headers.get(name));
  const email = form?.get("email")?.trim().toLowerCase().slice(0, 254) || null;
  try {
    await appendAuditEvent(
      auditEvents.signInFailed({ actor: { kind: "anonymous", email }, request: context, outcome: "PASSWORDS_OFF" }),
    );
  } catch (error) {
    logger().error({ err: error, requestId: context.requestId }, "could not audit a refused password sign-in");
  }
  const target = new URL("/signin", originOf(request));
  target.searchParams.set("error", SIGN_IN_ERRORS.passwordsOff);
  return answer(target.toString(), form?.get("json") === "true");
}
