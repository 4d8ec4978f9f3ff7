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
 * a legacy Administration API key file and two OAuth client JWKs (RSA and EC).
 *
 * Keys are created on first start and reused afterwards, so a demo keeps
 * working across restarts; they live in keyDir (a temp dir by default, the
 * data folder for `npm start`) and are never committed. The legacy file's
 * adminRestApiUrl contains the port, so it is rewritten when the port changes.
 */

export const LEGACY_KEY_FILE = "legacy-admin-api.key";
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
  file: string;
  accessId: string;
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
  legacy: LegacyCredential;
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

async function ensureLegacyKey(keyDir: string, adminRestApiUrl: string): Promise<LegacyCredential> {
  const file = path.join(keyDir, LEGACY_KEY_FILE);
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
    const { privateKey } = await generate("rsa", { modulusLength: 2048 });
    key = {
      customerName: "Simulated tenant",
      accessID: randomUUID(),
      // PKCS#1 ("BEGIN RSA PRIVATE KEY"), as the vendor's key files carry it.
      accessKey: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
      adminRestApiUrl,
      description: "tokendesk simulator demo key",
    };
    await writeSecret(file, `${JSON.stringify(key, null, 2)}\n`);
  }
  return { file, accessId: key.accessID, publicKey: createPublicKey(createPrivateKey(key.accessKey)) };
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

/** Creates keyDir (mkdir -p, 0700) and every key file that is missing; reuses the others. */
export async function ensureKeys(keyDir: string, adminRestApiUrl: string): Promise<SimulatorKeys> {
  await mkdir(keyDir, { recursive: true, mode: 0o700 });
  const [legacy, oauthRsa, oauthEc] = await Promise.all([
    ensureLegacyKey(keyDir, adminRestApiUrl),
    ensureOAuthClient(keyDir, OAUTH_RSA_KEY_FILE, "RS256"),
    ensureOAuthClient(keyDir, OAUTH_EC_KEY_FILE, "ES256"),
  ]);
  return { legacy, oauthRsa, oauthEc };
}
