import { safeCallbackPath } from "@/lib/auth/safe-callback";

export const dynamic = "force-dynamic";

/**
 * Where pages send people while tokendesk's database is unavailable: a plain
 * page with a real 503 (and Retry-After), so neither a person nor a load
 * balancer mistakes an outage for "signed out" or "not found".
 */
export function GET(request: Request) {
  const from = safeCallbackPath(new URL(request.url).searchParams.get("from") ?? undefined, request.url);
  const retry = from.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tokendesk is unavailable</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 5rem auto; padding: 0 1rem; color: #0f172a">
<main><h1 style="font-size: 1.5rem">tokendesk's database is unavailable</h1>
<p>Nothing can be looked up or changed until it is back. This is not about your account: you are not signed out.</p>
<p>Try again in a minute; if it keeps happening, tell your administrator.</p>
<p><a href="${retry}" style="color: #1d4ed8">Try again</a></p></main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "30" },
  });
}
