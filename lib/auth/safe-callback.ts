/**
 * Where to send someone after sign-in: only a path on this app's own origin.
 * The value is resolved with `new URL(value, origin)` — the way a browser
 * will read it — and refused unless the origin is the app's. What comes back
 * is a path that cannot turn into another host once a browser resolves it
 * again: never "//…" (protocol-relative) and never a backslash, which is how
 * "/.//evil.example", "/..//evil", "/a/..//" and "/./\\" would escape.
 */
const INTERNAL_ORIGIN = "http://tokendesk.invalid";

export function safeCallbackPath(input: string | undefined | null, appOrigin: string = INTERNAL_ORIGIN): string {
  if (!input) return "/";
  let origin: string;
  let url: URL;
  try {
    origin = new URL(appOrigin).origin;
    url = new URL(input, origin);
  } catch {
    return "/";
  }
  if (url.origin !== origin) return "/";
  const path = url.pathname;
  if (!path.startsWith("/") || path.startsWith("//") || path.includes("\\")) return "/";
  if (path === "/signin" || path.startsWith("/signin/") || path.startsWith("/api/") || path === "/unavailable")
    return "/";
  return `${path}${url.search}`;
}
