import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, MAX_BODY_BYTES, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";

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

/**
 * A server action's arguments arrive as a JSON array (or as form data). Next.js
 * answers anything else with a 500 before any of our code runs, so a body that
 * cannot be arguments is refused here with a 400.
 */
async function unreadableActionBody(request: NextRequest): Promise<boolean> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    try {
      await request.clone().formData();
      return false;
    } catch {
      return true;
    }
  }
  try {
    const args: unknown = JSON.parse(await request.clone().text());
    return !Array.isArray(args) || args.some(hasUnsafeReference);
  } catch {
    return true;
  }
}

// React encodes a string that starts with "$" as "$$…"; a bare "$…" is a reference into parts of
// the request that a plain-text body does not have. Our own client only ever sends these literals.
const PLAIN_LITERAL = /^\$(\$|undefined$|NaN$|-?Infinity$|-0$|n-?\d+$|D\d{4}-)/;

function hasUnsafeReference(value: unknown, depth = 0): boolean {
  if (depth > 20) return true;
  if (typeof value === "string") return value.startsWith("$") && !PLAIN_LITERAL.test(value);
  if (Array.isArray(value)) return value.some((v) => hasUnsafeReference(v, depth + 1));
  if (value && typeof value === "object") return Object.values(value).some((v) => hasUnsafeReference(v, depth + 1));
  return false;
}

/** A path with a broken percent escape ("%", "%ff") that Next.js would otherwise answer with a 500. */
function unreadablePath(request: NextRequest): boolean {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return false;
  } catch {
    return true;
  }
}

export async function proxy(request: NextRequest) {
  if (unreadablePath(request)) {
    return NextResponse.json(
      { ok: false, code: "INVALID_INPUT", message: "That address is not valid. Check it and try again." },
      { status: 400 },
    );
  }
  if (tooLarge(request)) {
    return NextResponse.json(
      { ok: false, code: "PAYLOAD_TOO_LARGE", message: "The request was too large, so nothing was done." },
      { status: 413 },
    );
  }
  if (await unreadableActionBody(request)) {
    return NextResponse.json(
      {
        ok: false,
        code: "INVALID_INPUT",
        message: "The request was not understood, so nothing was done. Reload the page and try again.",
      },
      { status: 400 },
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
