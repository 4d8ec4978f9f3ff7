import { NextResponse, type NextRequest } from "next/server";

/**
 * An early redirect for visitors with no session cookie at all. Not a
 * security boundary: every page, route handler and action checks the session
 * and permission itself (lib/auth/require-permission.ts).
 */
export function proxy(request: NextRequest) {
  const hasSessionCookie = request.cookies
    .getAll()
    .some((c) => c.name.endsWith("next-auth.session-token") || c.name.includes("next-auth.session-token."));
  if (hasSessionCookie) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Everything but sign-in, the auth and health endpoints, and static files.
  matcher: ["/((?!signin|api/|_next/|favicon.ico|robots.txt).*)"],
};
