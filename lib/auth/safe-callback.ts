/** Only same-site paths are followed after sign-in (no open redirect to another host). */
export function safeCallbackPath(input: string | undefined): string {
  if (!input) return "/";
  try {
    const url = new URL(input, "http://internal.invalid");
    if (url.origin !== "http://internal.invalid") return "/";
    if (url.pathname.startsWith("/signin") || url.pathname.startsWith("/api/")) return "/";
    return `${url.pathname}${url.search}`;
  } catch {
    return "/";
  }
}
