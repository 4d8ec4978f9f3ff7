import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { AccessTokenStore } from "./access-tokens";
import { API_BASE_PATH } from "./admin-api";
import { Authenticator } from "./auth";
import { FaultBook, parseFault, type SimulatorFault } from "./faults";
import { ensureKeys, LEGACY_URL_FORMS, type LegacyUrlForm } from "./keys";
import { TenantModel } from "./model";
import { OAuthServer } from "./oauth";
import { ALL_SCOPES } from "./scopes";
import { seedTenant } from "./seed";
import { OAUTH_PREFIX, SimulatorServer } from "./server";

/**
 * A stand-alone fake RSA Cloud Administration API tenant, behaving as the
 * vendor pages in /work/shared/rsa-api say. Used by demo mode (`npm start`
 * without RSA credentials), `npm run simulator`, and every test that talks to
 * "RSA". Each file says why it is the way it is.
 */

export { SEED_EXAMPLES } from "./seed-examples";
export { TenantModel, ANOTHER_ADMIN, MAX_ACTIVE_SID_TOKENS } from "./model";
export type { TenantOptions } from "./model";
export type {
  SidToken,
  Ds100Credential,
  TenantUser,
  TokenStatus,
  TokenState,
  MobileDevice,
  FidoToken,
  EmergencyAccessStatus,
} from "./records";
export type { FaultKind, FaultPhase, Oddity, RouteNotFoundShape, SimulatorFault } from "./faults";
export { FAULT_KINDS, ODDITIES } from "./faults";
export { UNKNOWN_STATE, UNKNOWN_STATUS } from "./oddities";
export type { VerifyStatus, VerificationMethod, VerificationAnswer } from "./verification";
export { VERIFY_SESSION_SECONDS } from "./verification";
export type { EmergencyCodeAnswer } from "./emergency";
export type { LegacyUrlForm } from "./keys";
export { LEGACY_URL_FORMS } from "./keys";
export { SEARCH_DEFAULT_PAGE_SIZE, SEARCH_MAX_PAGE_SIZE } from "./routes-users";
export { SCOPES, ALL_SCOPES } from "./scopes";

export interface SimulatorOptions {
  /** Default 4010; 0 = a free port. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** Where key files are created or reused. Default: a new temp dir. */
  keyDir?: string;
  /** Clock in ms since the epoch. Default Date.now. */
  now?: () => number;
  /** One line per request and per notable event. Default: silent. */
  log?: (line: string) => void;
  /** Whether the tenant holds the live verification licence (call 16). Default true; reset() restores it. */
  verifyLicensed?: boolean;
}

/** One legacy key file and what it holds (a JWT's aud must be its adminRestApiUrl exactly). */
export interface LegacyKeyInfo {
  file: string;
  accessId: string;
  adminRestApiUrl: string;
}

export interface RunningSimulator {
  url: string;
  /** `${url}/AdminInterface/restapi/v1`: the vendor's "/v1" form on purpose, so clients must derive the base. */
  adminRestApiUrl: string;
  /** The "/v1" form's key file (= legacyKeyFiles.v1). */
  legacyKeyFile: string;
  legacyAccessId: string;
  /**
   * A key file per adminRestApiUrl form: v1 ".../restapi/v1", bare ".../restapi",
   * trailingSlash ".../restapi/v1/", bareTrailingSlash ".../restapi/".
   */
  legacyKeyFiles: Record<LegacyUrlForm, string>;
  legacyKeys: Record<LegacyUrlForm, LegacyKeyInfo>;
  oauth: { issuer: string; clientId: string; keyFile: string; scopes: string[] };
  oauthEc: { clientId: string; keyFile: string };
  model: TenantModel;
  reset(): void;
  /** Gives or takes the live verification licence (until the next reset). */
  setVerifyLicensed(licensed: boolean): void;
  setFault(fault: SimulatorFault): void;
  clearFaults(): void;
  requestCount(): number;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = "127.0.0.1";

/** The host part of a URL for the address we listen on (wildcards are reached via loopback). */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const host = options.host ?? DEFAULT_HOST;

  const server = new SimulatorServer(log);
  // Listen first: the key file's adminRestApiUrl (and so every JWT's aud) contains the real port.
  const port = await server.listen(options.port ?? DEFAULT_PORT, host);
  try {
    const url = `http://${urlHost(host)}:${port}`;
    const issuer = `${url}${OAUTH_PREFIX}`;
    const keyDir = options.keyDir ?? (await mkdtemp(path.join(tmpdir(), "tokendesk-simulator-")));
    const keys = await ensureKeys(keyDir, `${url}${API_BASE_PATH}`);
    const adminRestApiUrl = keys.legacy.adminRestApiUrl;
    const perForm = <T>(pick: (key: LegacyKeyInfo) => T) =>
      Object.fromEntries(LEGACY_URL_FORMS.map((form) => [form, pick(keys.legacyForms[form])])) as Record<
        LegacyUrlForm,
        T
      >;

    const model = new TenantModel(() => seedTenant(now()), now, { verifyLicensed: options.verifyLicensed });
    const faults = new FaultBook();
    const tokens = new AccessTokenStore(now);
    const auth = new Authenticator(Object.values(keys.legacyForms), tokens, now);
    const oauth = new OAuthServer([keys.oauthRsa, keys.oauthEc], `${issuer}/token`, tokens, now);
    let requests = 0;

    // Issued OAuth tokens deliberately survive a reset: only the tenant's data goes back to the seed.
    const reset = () => {
      model.reset();
      faults.clear();
    };
    const setFault = (fault: SimulatorFault) => faults.add(parseFault(fault));

    server.attach({
      admin: { auth, model, faults, now, log },
      oauth,
      control: { model, faults, reset, addFault: setFault, requestCount: () => requests },
      countAdminRequest: () => {
        requests++;
      },
      now,
      log,
    });
    log(`RSA simulator listening at ${url}`);

    return {
      url,
      adminRestApiUrl,
      legacyKeyFile: keys.legacy.file,
      legacyAccessId: keys.legacy.accessId,
      legacyKeyFiles: perForm((key) => key.file),
      legacyKeys: perForm(({ file, accessId, adminRestApiUrl }) => ({ file, accessId, adminRestApiUrl })),
      oauth: { issuer, clientId: keys.oauthRsa.clientId, keyFile: keys.oauthRsa.file, scopes: [...ALL_SCOPES] },
      oauthEc: { clientId: keys.oauthEc.clientId, keyFile: keys.oauthEc.file },
      model,
      reset,
      setVerifyLicensed: (licensed: boolean) => {
        model.verifyLicensed = licensed;
      },
      setFault,
      clearFaults: () => faults.clear(),
      requestCount: () => requests,
      close: () => server.close(),
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}
