import { NextResponse, type NextRequest } from "next/server";
import {
  contentSecurityPolicy,
  MAX_BODY_BYTES,
  STRICT_TRANSPORT_SECURITY,
} from "@/lib/http/security-headers";

/**
 * Runs before every request but static files. Not a security boundary (every
 * page, route and action checks the session itself — lib/guard/). It:
 * - refuses bodies over MAX_BODY_BYTES with a 413 and a sentence;
 * - sends visitors with no session cookie at all to sign-in (page loads only:
 *   a server action or an API call is answered, and audited, by the guard);
 * - gives each response a fresh nonce-based Content-Security-Policy, and HSTS over https.
 */
const PUBLIC_PATHS = /^\/(signin|unavailable|api\/)/;

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => /next-auth\.session-token(\.\d+)?$/.test(c.name));
}

function tooLarge(request: NextRequest): boolean {
  const length = Number(request.headers.get("content-length") ?? "0");
  return Number.isFinite(length) && length > MAX_BODY_BYTES;
}

export function proxy(request: NextRequest) {
  if (tooLarge(request)) {
    return NextResponse.json(
      { ok: false, code: "PAYLOAD_TOO_LARGE", message: "The request was too large, so nothing was done." },
      { status: 413 },
    );
  }

  const isPageLoad = request.method === "GET" && !request.headers.has("next-action");
  if (isPageLoad && !PUBLIC_PATHS.test(request.nextUrl.pathname) && !hasSessionCookie(request)) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
    return NextResponse.redirect(url);
  }

  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  // Everything but Next's static assets and the two static files.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
