import "server-only";
import type { Env } from "@/lib/env";
import { createRsaClient } from "@/lib/rsa/client";
import { loadRsaConfig, type RsaConfig } from "@/lib/rsa/config";
import { RsaConfigError, RsaError } from "@/lib/rsa/errors";
import { PROBE_SERIAL } from "@/lib/rsa/probe";

/**
 * `npm run rsa:check`: loads the configured credentials, obtains a bearer,
 * makes one harmless lookup and explains what it saw in words a help-desk
 * administrator can act on.
 */

export type FindingLevel = "ok" | "info" | "warn" | "fail";
export interface Finding {
  level: FindingLevel;
  text: string;
}
export interface Diagnosis {
  ok: boolean;
  findings: Finding[];
}

export { PROBE_SERIAL } from "@/lib/rsa/probe";
const ALLOWED_SKEW_MS = 60_000;

export interface DiagnoseOptions {
  fetch?: typeof fetch;
  now?: () => number;
}

function describeCredential(config: RsaConfig): Finding[] {
  const c = config.credential;
  if (c.kind === "legacy-key") {
    return [
      {
        level: "info",
        text: `Credential: legacy Administration API key from ${c.keyFile} (access id ${c.accessId}${c.customerName ? `, customer "${c.customerName}"` : ""}).`,
      },
      {
        level: "info",
        text: `Tenant API: ${config.apiBase}. JWT audience (must be the key's adminRestApiUrl exactly as downloaded): ${c.adminRestApiUrl}`,
      },
    ];
  }
  return [
    {
      level: "info",
      text: `Credential: OAuth client ${c.clientId} (${c.alg} key from ${c.keyFile}), token endpoint ${c.tokenEndpoint}.`,
    },
    { level: "info", text: `Tenant API: ${config.apiBase}. Scopes requested: ${c.scopes.join(" ")}` },
  ];
}

/** RSA's clock against ours, from the Date header of any answer from the tenant. */
async function measureClockSkew(config: RsaConfig, fetchImpl: typeof fetch, now: () => number): Promise<number | null> {
  try {
    const sentAt = now();
    const response = await fetchImpl(`${config.apiBase}/v1/sidTokens/lookup`, {
      method: "HEAD",
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    const receivedAt = now();
    const date = response.headers.get("date");
    if (!date) return null;
    // The Date header has one-second resolution; compare with the middle of the exchange.
    return Date.parse(date) - (sentAt + receivedAt) / 2;
  } catch {
    return null;
  }
}

function explainRefusal(config: RsaConfig, error: RsaError, skewMs: number | null): Finding[] {
  const findings: Finding[] = [
    {
      level: "fail",
      text: `RSA refused tokendesk's credentials (HTTP ${error.httpStatus ?? "—"}${error.rsaDescription ? `: "${error.rsaDescription}"` : ""}).`,
    },
  ];
  if (skewMs !== null && Math.abs(skewMs) > ALLOWED_SKEW_MS) {
    findings.push({
      level: "fail",
      text: `This machine's clock is ${Math.round(Math.abs(skewMs) / 1000)} s ${skewMs > 0 ? "behind" : "ahead of"} RSA's; RSA allows 60 s. Fix the clock (NTP) — this alone explains the refusal.`,
    });
  }
  const c = config.credential;
  if (c.kind === "legacy-key") {
    if (!/\/AdminInterface\/restapi(\/v\d+)?\/?$/i.test(new URL(c.adminRestApiUrl).pathname)) {
      findings.push({
        level: "fail",
        text: `adminRestApiUrl "${c.adminRestApiUrl}" does not look like a tenant's Administration API URL (…/AdminInterface/restapi or …/restapi/v1).`,
      });
    }
    findings.push({
      level: "info",
      text:
        "A 403 means RSA did not accept the signed token, which happens when: the key was deleted or regenerated in the Cloud Administration Console (download the new key file); " +
        "the key file was edited — the audience must be adminRestApiUrl exactly as downloaded, with or without /v1 or a trailing slash as it came; " +
        "the clock is more than 60 s off; or the key belongs to a role other than Super Administrator or Help Desk Administrator. " +
        "It is about tokendesk's key, not about any agent's permissions.",
    });
  } else {
    findings.push({
      level: "info",
      text:
        error.rsaCode === "invalid_client" || error.httpStatus === 401
          ? "The token endpoint refused the client assertion: check RSA_OAUTH_CLIENT_ID, that RSA_OAUTH_KEY_FILE is the private key registered for that client (and its kid), RSA_OAUTH_ISSUER, and the clock."
          : "A 403 from the API with an OAuth token usually means the client lacks a scope (it needs the sidtoken, ds100 read/manage and user read scopes) or was disabled in the console.",
    });
  }
  return findings;
}

function explainFailure(config: RsaConfig, error: RsaError): Finding {
  switch (error.kind) {
    case "timeout":
      return {
        level: "fail",
        text: `RSA did not answer within ${config.timeoutMs} ms. Check the network path (proxy, firewall) to ${new URL(config.apiBase).host}.`,
      };
    case "network":
      return {
        level: "fail",
        text: `tokendesk could not reach ${new URL(config.apiBase).host} (${error.rsaDescription ?? "network error"}). Check DNS, proxy and firewall, and the URL in the configuration.`,
      };
    case "unavailable":
      return {
        level: "fail",
        text: `RSA answered HTTP ${error.httpStatus ?? "5xx"}: the service or a gateway in front of it is failing. Try again later; check RSA's status page.`,
      };
    case "rate_limited":
      return {
        level: "warn",
        text: `RSA is rate limiting (HTTP 429)${error.retryAfterMs ? `; it asks to wait ${Math.ceil(error.retryAfterMs / 1000)} s` : ""}. The credentials may be fine; run the check again shortly.`,
      };
    case "misconfigured": {
      const url = `${config.apiBase}/v1/sidTokens/lookup`;
      const source =
        config.credential.kind === "legacy-key"
          ? `adminRestApiUrl in ${config.credential.keyFile}`
          : "RSA_ADMIN_API_URL";
      return {
        level: "fail",
        text: `${url} answered 404 without RSA's own error body (${error.rsaDescription ?? "not RSA's answer"}): this URL does not lead to RSA's Administration API. Check ${source} (${config.credential.adminRestApiUrl}); it should be the tenant's …/AdminInterface/restapi URL as the console shows it.`,
      };
    }
    case "invalid_answer":
      return {
        level: "fail",
        text: `RSA answered with something tokendesk cannot read (${error.rsaDescription ?? error.message}). Is the URL really the tenant's Administration API?`,
      };
    default:
      return {
        level: "fail",
        text: `RSA answered HTTP ${error.httpStatus ?? "—"} (${error.kind})${error.rsaDescription ? `: "${error.rsaDescription}"` : ""}.`,
      };
  }
}

export async function diagnoseRsa(e: Env, options: DiagnoseOptions = {}): Promise<Diagnosis> {
  const fetchImpl = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  let config: RsaConfig;
  try {
    config = loadRsaConfig(e);
  } catch (error) {
    if (error instanceof RsaConfigError) return { ok: false, findings: [{ level: "fail", text: error.message }] };
    throw error;
  }
  const findings = describeCredential(config);
  const skewMs = await measureClockSkew(config, fetchImpl, now);
  if (skewMs === null)
    findings.push({ level: "warn", text: "Could not read RSA's clock (no Date header or no answer)." });
  else if (Math.abs(skewMs) > ALLOWED_SKEW_MS)
    findings.push({
      level: "warn",
      text: `Clock skew: this machine is ${Math.round(Math.abs(skewMs) / 1000)} s ${skewMs > 0 ? "behind" : "ahead of"} RSA (60 s allowed).`,
    });
  else findings.push({ level: "ok", text: `Clock skew: ${(skewMs / 1000).toFixed(1)} s (within RSA's 60 s).` });

  // One probe call: no circuit breaker (and so no background probe outliving the check).
  const client = createRsaClient({ ...config, breakerFailures: 0 }, { fetch: fetchImpl, now });
  try {
    await client.obtainBearer();
    findings.push({
      level: "ok",
      text:
        config.credential.kind === "legacy-key"
          ? "Signed a bearer JWT with the key."
          : "Obtained an access token from the OAuth token endpoint.",
    });
    try {
      await client.lookupSidToken(PROBE_SERIAL);
      findings.push({ level: "ok", text: "A token lookup worked: RSA accepts tokendesk's credentials." });
    } catch (error) {
      // Only RSA's own business 404 proves anything: a route-level 404 is "misconfigured" and fails below.
      if (!(error instanceof RsaError) || error.kind !== "not_found") throw error;
      findings.push({
        level: "ok",
        text: `A token lookup worked (serial ${PROBE_SERIAL} is not found, as expected): RSA accepts tokendesk's credentials.`,
      });
    }
    return { ok: true, findings };
  } catch (error) {
    if (!(error instanceof RsaError)) throw error;
    if (error.kind === "credential_rejected") findings.push(...explainRefusal(config, error, skewMs));
    else findings.push(explainFailure(config, error));
    return { ok: false, findings: findings };
  }
}
