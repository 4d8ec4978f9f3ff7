/**
 * The vendor's examples disagree on whether the admin API URL ends in `/v1`,
 * with or without a trailing slash. Calls are built from the
 * `/AdminInterface/restapi` base; the JWT `aud` keeps the URL exactly as given.
 */
export function restApiBase(adminRestApiUrl: string): string {
  const url = new URL(adminRestApiUrl);
  url.search = "";
  url.hash = "";
  url.pathname = url.pathname.replace(/\/+$/, "").replace(/\/v\d+$/i, "");
  return url.toString().replace(/\/+$/, "");
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** RSA is only spoken to over https, except a simulator on this machine. */
export function checkTransportSecurity(name: string, value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${name} is not a URL: "${value}"`;
  }
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return `${name} must be an https:// URL (plain http is only allowed for a simulator on localhost), got "${value}"`;
}
