import {
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  randomBytes,
  randomUUID,
  type JsonWebKey,
  type KeyObject,
} from "node:crypto";
import { chmod, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

/**
 * The simulator's credentials, as files a real administrator would download:
 * legacy Administration API key files and two OAuth client JWKs (RSA and EC).
 *
 * Keys are created on first start and reused afterwards, so a demo keeps
 * working across restarts; they live in keyDir (a temp dir by default, the
 * data folder for `npm start`) and are never committed. A legacy file's
 * adminRestApiUrl contains the port, so it is rewritten when the port changes.
 *
 * Real key files carry adminRestApiUrl in more than one form (REFERENCE.md,
 * "Base URL"), so there is one key file per form, each with its own accessID:
 * a JWT is accepted only when its aud is, byte for byte, the URL of the file
 * whose accessID it names (an edited file fails). The extra files reuse the
 * "/v1" file's private key when they are first made: generating RSA keys is
 * the slow part of a start, and which key signs does not matter to the rule.
 */

/** The adminRestApiUrl forms: ".../restapi/v1", ".../restapi", and each with a trailing slash. */
export const LEGACY_URL_FORMS = ["v1", "bare", "trailingSlash", "bareTrailingSlash"] as const;
export type LegacyUrlForm = (typeof LEGACY_URL_FORMS)[number];

export const LEGACY_KEY_FILES: Record<LegacyUrlForm, string> = {
  v1: "legacy-admin-api.key",
  bare: "legacy-admin-api-bare.key",
  trailingSlash: "legacy-admin-api-trailing-slash.key",
  bareTrailingSlash: "legacy-admin-api-bare-trailing-slash.key",
};
export const LEGACY_KEY_FILE = LEGACY_KEY_FILES.v1;

/** The adminRestApiUrl of a form, from the API base (`http://host:port/AdminInterface/restapi`). */
export function legacyUrl(apiBaseUrl: string, form: LegacyUrlForm): string {
  switch (form) {
    case "v1":
      return `${apiBaseUrl}/v1`;
    case "bare":
      return apiBaseUrl;
    case "trailingSlash":
      return `${apiBaseUrl}/v1/`;
    case "bareTrailingSlash":
      return `${apiBaseUrl}/`;
  }
}

const LEGACY_DESCRIPTIONS: Record<LegacyUrlForm, string> = {
  v1: "tokendesk simulator demo key",
  bare: "tokendesk simulator demo key (adminRestApiUrl without /v1)",
  trailingSlash: "tokendesk simulator demo key (adminRestApiUrl with a trailing slash)",
  bareTrailingSlash: "tokendesk simulator demo key (adminRestApiUrl without /v1, with a trailing slash)",
};
export const OAUTH_RSA_KEY_FILE = "oauth-client.jwk.json";
export const OAUTH_EC_KEY_FILE = "oauth-client-ec.jwk.json";

/** Client ids are derived from the key id, so nothing else needs storing. */
const CLIENT_ID_PREFIX = "tokendesk-simulator-";

export interface LegacyKeyFile {
  customerName: string;
  accessID: string;
  accessKey: string;
  adminRestApiUrl: string;
  description?: string;
}

export interface LegacyCredential {
  form: LegacyUrlForm;
  file: string;
  accessId: string;
  /** What the JWT's aud must be, byte for byte. */
  adminRestApiUrl: string;
  publicKey: KeyObject;
}

export interface OAuthClient {
  clientId: string;
  kid: string;
  alg: "RS256" | "ES256";
  file: string;
  publicKey: KeyObject;
}

export interface SimulatorKeys {
  /** The "/v1" form. */
  legacy: LegacyCredential;
  legacyForms: Record<LegacyUrlForm, LegacyCredential>;
  oauthRsa: OAuthClient;
  oauthEc: OAuthClient;
}

const generate = promisify(generateKeyPair);

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Writes via a temp file and rename, mode 0600: a crash never leaves half a key behind. */
async function writeSecret(file: string, text: string): Promise<void> {
  const temp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(temp, text, { mode: 0o600 });
  await rename(temp, file);
  await chmod(file, 0o600);
}

function parseJsonFile<T>(file: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    // Never overwrite an unreadable key silently: someone may depend on it.
    throw new Error(`Simulator key file ${file} is not valid JSON; delete it to have a new key generated.`);
  }
}

/**
 * One legacy key file. `accessKey` is the private key a new file gets (the
 * "/v1" file's, for the others); undefined means generate one.
 */
async function ensureLegacyKey(
  keyDir: string,
  form: LegacyUrlForm,
  adminRestApiUrl: string,
  accessKey?: string,
): Promise<{ credential: LegacyCredential; accessKey: string }> {
  const file = path.join(keyDir, LEGACY_KEY_FILES[form]);
  const existing = await readIfExists(file);
  let key: LegacyKeyFile;
  if (existing !== undefined) {
    key = parseJsonFile<LegacyKeyFile>(file, existing);
    if (typeof key.accessID !== "string" || typeof key.accessKey !== "string")
      throw new Error(`Simulator key file ${file} lacks accessID or accessKey; delete it to have a new key generated.`);
    if (key.adminRestApiUrl !== adminRestApiUrl) {
      key = { ...key, adminRestApiUrl };
      await writeSecret(file, `${JSON.stringify(key, null, 2)}\n`);
    }
  } else {
    key = {
      customerName: "Simulated tenant",
      accessID: randomUUID(),
      // PKCS#1 ("BEGIN RSA PRIVATE KEY"), as the vendor's key files carry it.
      accessKey:
        accessKey ??
        (await generate("rsa", { modulusLength: 2048 })).privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
      adminRestApiUrl,
      description: LEGACY_DESCRIPTIONS[form],
    };
    await writeSecret(file, `${JSON.stringify(key, null, 2)}\n`);
  }
  const publicKey = createPublicKey(createPrivateKey(key.accessKey));
  return { credential: { form, file, accessId: key.accessID, adminRestApiUrl, publicKey }, accessKey: key.accessKey };
}

/** Every form's key file: the "/v1" one first, whose key the others reuse when they are new. */
async function ensureLegacyKeys(keyDir: string, apiBaseUrl: string): Promise<Record<LegacyUrlForm, LegacyCredential>> {
  const v1 = await ensureLegacyKey(keyDir, "v1", legacyUrl(apiBaseUrl, "v1"));
  const others = await Promise.all(
    LEGACY_URL_FORMS.filter((form) => form !== "v1").map(
      async (form) => (await ensureLegacyKey(keyDir, form, legacyUrl(apiBaseUrl, form), v1.accessKey)).credential,
    ),
  );
  const all = [v1.credential, ...others];
  return Object.fromEntries(all.map((c) => [c.form, c])) as Record<LegacyUrlForm, LegacyCredential>;
}

async function ensureOAuthClient(keyDir: string, fileName: string, alg: "RS256" | "ES256"): Promise<OAuthClient> {
  const file = path.join(keyDir, fileName);
  const existing = await readIfExists(file);
  let jwk: JsonWebKey & { kid?: string; alg?: string };
  if (existing !== undefined) {
    jwk = parseJsonFile(file, existing);
    if (typeof jwk.kid !== "string" || jwk.alg !== alg)
      throw new Error(`Simulator key file ${file} is not a ${alg} JWK with a kid; delete it.`);
  } else {
    const { privateKey } =
      alg === "RS256" ? await generate("rsa", { modulusLength: 2048 }) : await generate("ec", { namedCurve: "P-256" });
    const kid = randomBytes(8).toString("hex");
    jwk = { ...privateKey.export({ format: "jwk" }), kid, alg, use: "sig" };
    await writeSecret(file, `${JSON.stringify(jwk, null, 2)}\n`);
  }
  const kid = jwk.kid as string;
  // Only the public members: the server side never needs the private key.
  const publicJwk: JsonWebKey =
    jwk.kty === "RSA" ? { kty: "RSA", n: jwk.n, e: jwk.e } : { kty: "EC", crv: jwk.crv, x: jwk.x, y: jwk.y };
  return {
    clientId: `${CLIENT_ID_PREFIX}${kid}`,
    kid,
    alg,
    file,
    publicKey: createPublicKey({ key: publicJwk, format: "jwk" }),
  };
}

/**
 * Creates keyDir (mkdir -p, 0700) and every key file that is missing; reuses
 * the others. `apiBaseUrl` is `http://host:port/AdminInterface/restapi`.
 */
export async function ensureKeys(keyDir: string, apiBaseUrl: string): Promise<SimulatorKeys> {
  await mkdir(keyDir, { recursive: true, mode: 0o700 });
  const [legacyForms, oauthRsa, oauthEc] = await Promise.all([
    ensureLegacyKeys(keyDir, apiBaseUrl),
    ensureOAuthClient(keyDir, OAUTH_RSA_KEY_FILE, "RS256"),
    ensureOAuthClient(keyDir, OAUTH_EC_KEY_FILE, "ES256"),
  ]);
  return { legacy: legacyForms.v1, legacyForms, oauthRsa, oauthEc };
}
