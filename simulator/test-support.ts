import { createPrivateKey, randomUUID } from "node:crypto";
import { access, copyFile, mkdtemp, readFile, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { importJWK, SignJWT, type JWK } from "jose";
import { expect } from "vitest";
import { startSimulator, type LegacyUrlForm, type RunningSimulator, type SimulatorOptions } from "./index";
import { ensureKeys, LEGACY_KEY_FILES, OAUTH_EC_KEY_FILE, OAUTH_RSA_KEY_FILE, type LegacyKeyFile } from "./keys";

/**
 * Helpers for the simulator's own tests: a simulator on a free port with its
 * own key folder, JWTs signed exactly as a client would (or deliberately
 * wrong), and a tiny HTTP client. Everything goes over real HTTP.
 */

export const API = "/AdminInterface/restapi";

/**
 * A fresh key folder for one test simulator, pre-filled with a copy of a
 * cached key set: generating two RSA keys costs about a second of CPU, which
 * every test file would otherwise pay. The cache is made once (atomically, by
 * rename, since test files run in parallel) in the temp folder; anything odd
 * about it just means an empty folder and keys generated as usual.
 */
export async function newKeyDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "tokendesk-sim-test-"));
  try {
    const cache = await cachedKeySet();
    for (const file of KEY_FILES) await copyFile(path.join(cache, file), path.join(dir, file));
  } catch {
    for (const file of KEY_FILES) await rm(path.join(dir, file), { force: true });
  }
  return dir;
}

const KEY_FILES = [...Object.values(LEGACY_KEY_FILES), OAUTH_RSA_KEY_FILE, OAUTH_EC_KEY_FILE];
// The version names the set of files: a cache made for fewer files would never be complete.
const KEY_CACHE = path.join(tmpdir(), `tokendesk-sim-test-keys-v2-${process.getuid?.() ?? "user"}`);

async function cachedKeySet(): Promise<string> {
  const complete = async () =>
    (
      await Promise.all(
        KEY_FILES.map((f) =>
          access(path.join(KEY_CACHE, f)).then(
            () => true,
            () => false,
          ),
        ),
      )
    ).every(Boolean);
  if (await complete()) return KEY_CACHE;
  const candidate = await mkdtemp(path.join(tmpdir(), "tokendesk-sim-test-keys-new-"));
  await ensureKeys(candidate, "http://127.0.0.1:1/AdminInterface/restapi");
  try {
    await rename(candidate, KEY_CACHE);
  } catch {
    await rm(candidate, { recursive: true, force: true }); // another test file got there first
  }
  if (!(await complete())) throw new Error("no key cache");
  return KEY_CACHE;
}

export async function startTestSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, keyDir: await newKeyDir(), ...options });
}

export async function readLegacyKey(sim: RunningSimulator): Promise<LegacyKeyFile> {
  return JSON.parse(await readFile(sim.legacyKeyFile, "utf8")) as LegacyKeyFile;
}

export interface LegacyJwtOptions {
  /** Which key file signs (default "v1", the legacyKeyFile); sub and aud default to that file's. */
  form?: LegacyUrlForm;
  /** The header's typ: default "JWT"; null leaves it out. */
  typ?: string | null;
  sub?: string;
  aud?: string | string[];
  iat?: number;
  exp?: number;
  /** Seconds since the epoch used for the default iat/exp. */
  nowSeconds?: number;
}

/**
 * A legacy Administration API JWT signed as the vendor describes (RS256, aud =
 * adminRestApiUrl). sub and aud come from the running simulator rather than the
 * key file: two simulators sharing a key folder share one file, whose
 * adminRestApiUrl names whichever started last.
 */
export async function legacyJwt(sim: RunningSimulator, options: LegacyJwtOptions = {}): Promise<string> {
  const form = options.form ?? "v1";
  const info = sim.legacyKeys[form];
  const key = JSON.parse(await readFile(info.file, "utf8")) as LegacyKeyFile;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const iat = options.iat ?? now;
  const typ = options.typ === undefined ? "JWT" : options.typ;
  return new SignJWT({})
    .setProtectedHeader(typ === null ? { alg: "RS256" } : { alg: "RS256", typ })
    .setSubject(options.sub ?? info.accessId)
    .setAudience(options.aud ?? info.adminRestApiUrl)
    .setIssuedAt(iat)
    .setExpirationTime(options.exp ?? iat + 1800)
    .sign(createPrivateKey(key.accessKey));
}

/** An unsigned token (`alg: none`) carrying otherwise valid claims. */
export function unsignedJwt(sim: RunningSimulator): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT" })}.${part({ sub: sim.legacyAccessId, aud: sim.adminRestApiUrl, iat: now, exp: now + 600 })}.`;
}

export interface AssertionOptions {
  clientId?: string;
  aud?: string;
  kid?: string;
  iat?: number;
  exp?: number;
  jti?: string;
  ec?: boolean;
}

/** A private_key_jwt client assertion for the simulator's RSA (or EC) OAuth client. */
export async function clientAssertion(sim: RunningSimulator, options: AssertionOptions = {}): Promise<string> {
  const client = options.ec ? sim.oauthEc : sim.oauth;
  const jwk = JSON.parse(await readFile(client.keyFile, "utf8")) as JWK & { kid: string; alg: string };
  const clientId = options.clientId ?? client.clientId;
  const iat = options.iat ?? Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: jwk.alg, kid: options.kid ?? jwk.kid, typ: "JWT" })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(options.aud ?? `${sim.oauth.issuer}/token`)
    .setIssuedAt(iat)
    .setExpirationTime(options.exp ?? iat + 300)
    .setJti(options.jti ?? randomUUID())
    .sign(await importJWK(jwk, jwk.alg));
}

export async function requestToken(sim: RunningSimulator, form: Record<string, string>) {
  const response = await fetch(`${sim.oauth.issuer}/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export function tokenForm(
  sim: RunningSimulator,
  assertion: string,
  extra: Record<string, string> = {},
  ec = false,
): Record<string, string> {
  return {
    grant_type: "client_credentials",
    client_id: ec ? sim.oauthEc.clientId : sim.oauth.clientId,
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: assertion,
    ...extra,
  };
}

/** An OAuth access token for the RSA client (or the EC one), with the given scopes (default: all). */
export async function oauthAccessToken(sim: RunningSimulator, scope?: string, ec = false): Promise<string> {
  const result = await requestToken(
    sim,
    tokenForm(sim, await clientAssertion(sim, { ec }), scope === undefined ? {} : { scope }, ec),
  );
  if (result.status !== 200) throw new Error(`token request failed: ${JSON.stringify(result.body)}`);
  return result.body.access_token as string;
}

/** The three ways a client may authenticate: the legacy key, and the RSA and EC OAuth clients. */
export const CREDENTIALS = ["legacy key", "OAuth RSA client", "OAuth EC client"] as const;
export type Credential = (typeof CREDENTIALS)[number];

/** A bearer token of that kind, valid for the next half hour (all scopes for OAuth). */
export async function bearer(sim: RunningSimulator, credential: Credential): Promise<string> {
  if (credential === "legacy key") return legacyJwt(sim);
  return oauthAccessToken(sim, undefined, credential === "OAuth EC client");
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body (undefined when the body is not JSON). */
  body: unknown;
}

export interface CallOptions {
  token?: string | null;
  contentType?: string | null;
  rawBody?: string;
  signal?: AbortSignal;
}

/** Calls `${url}${API}${apiPath}`; the body is sent as JSON unless rawBody is given. */
export async function call(
  sim: RunningSimulator,
  method: string,
  apiPath: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<Answer> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const token = options.token === undefined ? await legacyJwt(sim) : options.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  const contentType = options.contentType === undefined ? "application/json" : options.contentType;
  if (contentType !== null) headers["Content-Type"] = contentType;
  const payload =
    method === "GET" ? undefined : (options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)));
  const response = await fetch(`${sim.url}${API}${apiPath}`, {
    method,
    headers,
    body: payload,
    signal: options.signal,
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** POSTs JSON to a control endpoint. */
export async function control(sim: RunningSimulator, method: string, controlPath: string, body?: unknown) {
  const response = await fetch(`${sim.url}/__simulator${controlPath}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, body: text ? (JSON.parse(text) as unknown) : undefined };
}

export const FORBIDDEN_MESSAGE = "Server failed to process provided access token";

/** Asserts the framework-shaped 403 every authentication failure answers with. */
export function expectForbidden(answer: Answer, apiPath: string, message = FORBIDDEN_MESSAGE): void {
  expect(answer.status).toBe(403);
  expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
  expect(answer.body).toEqual({
    timestamp: expect.any(Number),
    status: 403,
    error: "Forbidden",
    message,
    path: `${API}${apiPath}`,
  });
}

/** Asserts a business error: `code` is the string "NNN REASON". */
export function expectBusinessError(answer: Answer, status: number, reason: string, description?: RegExp): void {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.body).toEqual({
    code: `${status} ${reason}`,
    description: description ? expect.stringMatching(description) : expect.any(String),
  });
}
