import "server-only";
import { createPrivateKey, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Env } from "@/lib/env";
import { checkTransportSecurity, restApiBase } from "@/lib/rsa/base-url";
import { RsaConfigError } from "@/lib/rsa/errors";

/** The scopes tokendesk's calls need from an OAuth "Admin API" client (REFERENCE.md, "OAuth scopes by call"). */
export const DEFAULT_OAUTH_SCOPES = [
  "rsa.authenticator.sidtoken.read", // 1, 12
  "rsa.authenticator.sidtoken.manage", // 3-7, 17
  "rsa.authenticator.ds100.read", // 2
  "rsa.authenticator.ds100.manage", // 8-10
  "rsa.user.read", // 11, 13
  "rsa.authenticator.mobile.read", // 12
  "rsa.authenticator.emergency.manage", // 14, 15
];

export interface LegacyKeyCredential {
  kind: "legacy-key";
  keyFile: string;
  accessId: string;
  customerName: string | null;
  privateKey: KeyObject;
  /** Exactly as in the key file: it is the JWT audience byte for byte. */
  adminRestApiUrl: string;
}

export interface OAuthCredential {
  kind: "oauth";
  issuer: string;
  tokenEndpoint: string;
  clientId: string;
  keyFile: string;
  privateKey: KeyObject;
  alg: "RS256" | "ES256";
  kid: string | null;
  adminRestApiUrl: string;
  scopes: string[];
}

export type RsaCredential = LegacyKeyCredential | OAuthCredential;

export interface RsaConfig {
  credential: RsaCredential;
  /** `https://<tenant>/AdminInterface/restapi`, no trailing slash; calls add `/v1/...` or `/v2/...`. */
  apiBase: string;
  timeoutMs: number;
  totalTimeoutMs: number;
  retryAfterCapMs: number;
  /** Consecutive failures to reach RSA before calls fail at once (0 = no circuit breaker). */
  breakerFailures: number;
  breakerProbeMs: number;
}

const legacyKeyFileSchema = z.object({
  customerName: z.string().optional().nullable(),
  accessID: z.string({ error: "accessID is missing" }).min(1, "accessID is empty"),
  accessKey: z.string({ error: "accessKey is missing" }).min(1, "accessKey is empty"),
  adminRestApiUrl: z.string({ error: "adminRestApiUrl is missing" }).min(1, "adminRestApiUrl is empty"),
});

function readJsonFile(variable: string, file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "the file does not exist"
        : code === "EACCES"
          ? "permission denied"
          : `it cannot be read (${code ?? "unknown error"})`;
    throw new RsaConfigError(`${variable}: cannot read ${file}: ${why}.`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new RsaConfigError(
      `${variable}: ${file} is not valid JSON. It should be the key file exactly as downloaded from the RSA Cloud Administration Console.`,
    );
  }
}

function requireSecureUrl(variable: string, value: string): void {
  const problem = checkTransportSecurity(variable, value);
  if (problem) throw new RsaConfigError(problem);
}

function loadLegacyKey(keyFile: string): LegacyKeyCredential {
  const parsed = legacyKeyFileSchema.safeParse(readJsonFile("RSA_ADMIN_KEY_FILE", keyFile));
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.message);
    throw new RsaConfigError(
      `RSA_ADMIN_KEY_FILE: ${keyFile} is not an RSA Administration API key file (${fields.join("; ")}).`,
    );
  }
  const { accessID, accessKey, adminRestApiUrl, customerName } = parsed.data;
  requireSecureUrl(`adminRestApiUrl in ${keyFile}`, adminRestApiUrl);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(accessKey);
  } catch {
    throw new RsaConfigError(`RSA_ADMIN_KEY_FILE: accessKey in ${keyFile} is not a readable PEM private key.`);
  }
  if (privateKey.asymmetricKeyType !== "rsa") {
    throw new RsaConfigError(
      `RSA_ADMIN_KEY_FILE: accessKey in ${keyFile} is a ${privateKey.asymmetricKeyType} key; RSA requires an RSA key (RS256).`,
    );
  }
  return {
    kind: "legacy-key",
    keyFile,
    accessId: accessID,
    customerName: customerName ?? null,
    privateKey,
    adminRestApiUrl,
  };
}

function loadOAuthClient(e: Env): OAuthCredential {
  const missing = (
    ["RSA_OAUTH_ISSUER", "RSA_OAUTH_CLIENT_ID", "RSA_OAUTH_KEY_FILE", "RSA_ADMIN_API_URL"] as const
  ).filter((name) => !e[name]);
  if (missing.length) throw new RsaConfigError(`OAuth client configuration is incomplete: set ${missing.join(", ")}.`);
  const issuer = e.RSA_OAUTH_ISSUER!.replace(/\/+$/, "");
  const adminRestApiUrl = e.RSA_ADMIN_API_URL!;
  requireSecureUrl("RSA_OAUTH_ISSUER", issuer);
  requireSecureUrl("RSA_ADMIN_API_URL", adminRestApiUrl);
  const keyFile = e.RSA_OAUTH_KEY_FILE!;
  const jwk = readJsonFile("RSA_OAUTH_KEY_FILE", keyFile) as Record<string, unknown>;
  if (typeof jwk !== "object" || jwk === null || Array.isArray(jwk))
    throw new RsaConfigError(`RSA_OAUTH_KEY_FILE: ${keyFile} is not a JWK (a JSON object).`);
  if (jwk.kty !== "RSA" && jwk.kty !== "EC")
    throw new RsaConfigError(
      `RSA_OAUTH_KEY_FILE: ${keyFile} has key type "${String(jwk.kty)}"; RSA or EC is required.`,
    );
  if (jwk.kty === "EC" && jwk.crv !== "P-256")
    throw new RsaConfigError(
      `RSA_OAUTH_KEY_FILE: ${keyFile} is an EC key on curve "${String(jwk.crv)}"; only P-256 (ES256) is supported.`,
    );
  if (typeof jwk.d !== "string")
    throw new RsaConfigError(
      `RSA_OAUTH_KEY_FILE: ${keyFile} holds a public key only; the private key (with "d") is needed to sign.`,
    );
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: jwk as import("node:crypto").JsonWebKey, format: "jwk" });
  } catch {
    throw new RsaConfigError(`RSA_OAUTH_KEY_FILE: ${keyFile} is not a usable private JWK.`);
  }
  const scopes = e.RSA_OAUTH_SCOPES ? e.RSA_OAUTH_SCOPES.split(/[\s,]+/).filter(Boolean) : DEFAULT_OAUTH_SCOPES;
  return {
    kind: "oauth",
    issuer,
    tokenEndpoint: `${issuer}/token`,
    clientId: e.RSA_OAUTH_CLIENT_ID!,
    keyFile,
    privateKey,
    alg: jwk.kty === "RSA" ? "RS256" : "ES256",
    kid: typeof jwk.kid === "string" ? jwk.kid : null,
    adminRestApiUrl,
    scopes,
  };
}

/** Reads and checks the RSA credentials named by the environment; throws RsaConfigError naming the problem. */
export function loadRsaConfig(e: Env): RsaConfig {
  let credential: RsaCredential;
  if (e.RSA_ADMIN_KEY_FILE) credential = loadLegacyKey(e.RSA_ADMIN_KEY_FILE);
  else if (e.RSA_OAUTH_ISSUER || e.RSA_OAUTH_CLIENT_ID || e.RSA_OAUTH_KEY_FILE) credential = loadOAuthClient(e);
  else
    throw new RsaConfigError(
      "No RSA credentials are configured: set RSA_ADMIN_KEY_FILE, or RSA_OAUTH_ISSUER, RSA_OAUTH_CLIENT_ID, RSA_OAUTH_KEY_FILE and RSA_ADMIN_API_URL.",
    );
  return {
    credential,
    apiBase: restApiBase(credential.adminRestApiUrl),
    timeoutMs: e.RSA_TIMEOUT_MS,
    totalTimeoutMs: e.RSA_TOTAL_TIMEOUT_MS,
    retryAfterCapMs: e.RSA_RETRY_AFTER_CAP_MS,
    breakerFailures: e.RSA_BREAKER_FAILURES,
    breakerProbeMs: e.RSA_BREAKER_PROBE_SECONDS * 1000,
  };
}
