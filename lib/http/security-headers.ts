/**
 * The headers every page carries. The Content-Security-Policy allows only
 * scripts that bear this response's nonce (Next.js puts it on its own scripts
 * when it finds it in the request's CSP header) — no inline script without it,
 * no eval, no other origin. Styles may be inline: React and Radix set style
 * attributes; a style cannot run code.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Two years, subdomains included: only ever sent on a response that came over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** What the desk never needs: no camera, microphone, location, payment, USB or sensors. Copying to the clipboard stays allowed. */
export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), accelerometer=(), gyroscope=(), magnetometer=(), clipboard-read=(), clipboard-write=(self)";

/** The largest request body tokendesk accepts: every form and action it has is a few hundred bytes. */
export const MAX_BODY_BYTES = 64 * 1024;
