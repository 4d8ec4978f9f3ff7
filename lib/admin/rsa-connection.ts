import "server-only";
import { env, rsaCredentialKind } from "@/lib/env";
import { rsaAvailability } from "@/lib/rsa/availability";
import { loadRsaConfig } from "@/lib/rsa/config";
import { RsaConfigError } from "@/lib/rsa/errors";
import type { RsaConnection } from "@/lib/admin/types";

/**
 * What the administration page says about the RSA connection: which
 * credential, which tenant, which key id — never the key — and when RSA last
 * answered this instance. Reads the configuration only; it never calls RSA.
 */

export function rsaConnection(): RsaConnection {
  const e = env();
  const availability = rsaAvailability();
  const base = {
    mode: e.DEMO_MODE ? "demo" : rsaCredentialKind(e) === "none" ? "none" : "tenant",
    state: availability.state,
    downSince: availability.downSince ?? null,
    lastSuccessAt: availability.lastSuccessAt ?? null,
  } as const;
  if (base.mode === "none")
    return { ...base, credential: null, keyFile: null, keyId: null, tenantUrl: null, problem: null };
  try {
    const config = loadRsaConfig(e);
    const c = config.credential;
    return {
      ...base,
      credential:
        c.kind === "legacy-key" ? "Legacy Administration API key" : `OAuth client with a private key (${c.alg})`,
      keyFile: c.keyFile,
      keyId:
        c.kind === "legacy-key"
          ? `access id ${c.accessId}`
          : `client id ${c.clientId}${c.kid ? `, key id ${c.kid}` : ", key without a kid"}`,
      tenantUrl: config.apiBase,
      problem: null,
    };
  } catch (error) {
    if (!(error instanceof RsaConfigError)) throw error;
    return { ...base, credential: null, keyFile: null, keyId: null, tenantUrl: null, problem: error.message };
  }
}
