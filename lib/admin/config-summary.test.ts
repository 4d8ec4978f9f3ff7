import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { envSchema, parseEnv, type Env } from "@/lib/env";
import { configSummary } from "@/lib/admin/config-summary";

const secret = (label: string) => `${label}-${randomBytes(18).toString("hex")}`;

/** A production-like environment with real secret values in every place one can hide. */
function productionLike() {
  const values = {
    authSecret: secret("nextauth"),
    altSecret: secret("authsecret"),
    auditKey: secret("audit-hmac-key-material"),
    dbPassword: secret("pg-pw"),
    ownerPassword: secret("owner-pw"),
    oidcSecret: secret("oidc-client-secret"),
    urlPassword: secret("url-pw"),
  };
  const source: Record<string, string> = {
    NODE_ENV: "production",
    DATABASE_URL: `postgresql://tokendesk_app:${values.dbPassword}@db.internal:5432/tokendesk?sslmode=require`,
    DATABASE_OWNER_URL: `postgres://owner:${encodeURIComponent(values.ownerPassword)}@db.internal/tokendesk?password=${values.ownerPassword}`,
    NEXTAUTH_SECRET: values.authSecret,
    AUTH_SECRET: values.altSecret,
    NEXTAUTH_URL: `https://desk-user:${values.urlPassword}@desk.example.com/`,
    AUDIT_HMAC_KEY: values.auditKey,
    AUDIT_HMAC_KEY_FILE: "/etc/tokendesk/audit.key",
    RSA_ADMIN_KEY_FILE: "/etc/tokendesk/rsa-admin.key",
    RSA_TIMEOUT_MS: "9000",
    OIDC_ISSUER: "https://login.example.com/realms/it",
    OIDC_CLIENT_ID: "tokendesk",
    OIDC_CLIENT_SECRET: values.oidcSecret,
    OIDC_ROLE_MAP: "helpdesk=agent,helpdesk-leads=supervisor,it-admins=admin",
  };
  return { values, env: parseEnv(source) };
}

describe("configuration summary", () => {
  it("lists every setting of the schema, in the schema's order", () => {
    const { env } = productionLike();
    expect(configSummary(env).map((entry) => entry.name)).toEqual(Object.keys(envSchema.shape));
  });

  it("never shows a secret's value, whether in a secret setting, inside a URL or anywhere else", () => {
    const { env, values } = productionLike();
    const text = JSON.stringify(configSummary(env));
    for (const [label, value] of Object.entries(values)) {
      expect(text, label).not.toContain(value);
      expect(text, label).not.toContain(encodeURIComponent(value));
    }
  });

  it("says set or not set for secrets, and shows a database URL as host and database only", () => {
    const { env } = productionLike();
    const byName = new Map(configSummary(env).map((entry) => [entry.name, entry]));
    expect(byName.get("NEXTAUTH_SECRET")).toMatchObject({ shown: "set", kind: "secret" });
    expect(byName.get("AUDIT_HMAC_KEY")).toMatchObject({ shown: "set", kind: "secret" });
    expect(byName.get("DATABASE_URL")).toMatchObject({
      shown: "postgresql://db.internal:5432/tokendesk",
      kind: "value",
    });
    expect(byName.get("DATABASE_OWNER_URL")?.shown).toBe("postgres://db.internal/tokendesk");
    expect(byName.get("NEXTAUTH_URL")?.shown).toBe("https://desk.example.com");
    expect(byName.get("OIDC_CLIENT_SECRET")).toMatchObject({ shown: "set", kind: "secret" });
    expect(byName.get("OIDC_CLIENT_ID")).toMatchObject({ shown: "tokendesk", kind: "value" });
    expect(byName.get("OIDC_ROLE_MAP")?.shown).toBe("helpdesk=agent,helpdesk-leads=supervisor,it-admins=admin");
    // A path to a key file is not the key: the administrator needs to see which file is read.
    expect(byName.get("RSA_ADMIN_KEY_FILE")).toMatchObject({ shown: "/etc/tokendesk/rsa-admin.key", kind: "value" });
    expect(byName.get("RSA_TIMEOUT_MS")).toMatchObject({ shown: "9000", isDefault: false });
    expect(byName.get("RSA_TOTAL_TIMEOUT_MS")).toMatchObject({ shown: "15000", isDefault: true });
  });

  it("says not set for a secret nobody configured", () => {
    const byName = new Map(configSummary(parseEnv({})).map((entry) => [entry.name, entry]));
    expect(byName.get("NEXTAUTH_SECRET")).toMatchObject({ shown: "not set", kind: "secret", isDefault: true });
    expect(byName.get("DATABASE_URL")).toMatchObject({ shown: "not set", kind: "unset" });
  });

  it("hides an ordinary setting whose value happens to contain a secret", () => {
    const { env, values } = productionLike();
    const leaky = { ...env, RSA_OAUTH_SCOPES: `rsa.user.read ${values.authSecret}` } as Env;
    const scopes = configSummary(leaky).find((entry) => entry.name === "RSA_OAUTH_SCOPES");
    expect(scopes).toMatchObject({ kind: "secret" });
    expect(scopes?.shown).not.toContain(values.authSecret);
  });
});
