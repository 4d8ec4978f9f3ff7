import "server-only";
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/http/client-address";
import { parseRoleMap, type RoleMap } from "@/lib/auth/sso-role-map";

/**
 * The one place that reads `process.env`. Everything is validated at first use
 * (not at import) so `next build` can load modules without a runtime config.
 * A bad value stops the process with a message naming the variable.
 */

const boolean = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** An OpenID Connect issuer: https (plain http only on this machine), no query or fragment (OpenID Discovery 1.0). */
function issuerProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be a URL, e.g. https://login.example.com/realms/it";
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || url.hostname.endsWith(".localhost");
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback))
    return "must be an https:// URL (http:// only for localhost), e.g. https://login.example.com/realms/it";
  if (url.search || url.hash || value.includes("#")) return "must not have a query (?…) or a fragment (#…)";
  if (url.username || url.password) return "must not contain a user name or password";
  return null;
}

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: port.default(3000),
    // Where the web server listens; unset: 127.0.0.1 in demo mode, every interface otherwise (scripts/start-listen.ts).
    HOST: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9.:-]+$/, "must be a host name or an IP address, e.g. 0.0.0.0")
        .optional(),
    ),
    /** Development only: build into and serve from another folder than .next (a second build beside the first). */
    NEXT_DIST_DIR: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^\.next[\w.-]*$/, "must be a folder name starting with .next")
        .default(".next"),
    ),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

    DATABASE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string")
        .optional(),
    ),
    // The tables' owner, for migrations and grants only; DATABASE_URL is then the web server's own, lesser role.
    DATABASE_OWNER_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection string")
        .optional(),
    ),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(".data")),
    EMBEDDED_PG_PORT: port.default(54329),

    NEXTAUTH_URL: optionalUrl,
    NEXTAUTH_SECRET: optionalString,
    AUTH_SECRET: optionalString,
    SESSION_MAX_AGE_MINUTES: positiveInt.default(8 * 60),
    SESSION_IDLE_MINUTES: positiveInt.default(30),

    /** "off" turns local passwords off (single sign-on only); needs OIDC_ISSUER. */
    AUTH_PASSWORDS: z.preprocess(
      emptyToUndefined,
      z
        .enum(["on", "off", "true", "false", "1", "0", "yes", "no"], { message: 'must be "on" or "off"' })
        .default("on")
        .transform((v) => v === "on" || v === "true" || v === "1" || v === "yes"),
    ),
    /** Single sign-on: the OpenID Connect provider's issuer (discovery at `${issuer}/.well-known/openid-configuration`). */
    OIDC_ISSUER: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .optional()
        .superRefine((value, ctx) => {
          const problem = value === undefined ? null : issuerProblem(value);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
    ),
    OIDC_CLIENT_ID: optionalString,
    /** A secret: never shown, logged or audited. */
    OIDC_CLIENT_SECRET: optionalString,
    /** The claim that carries the person's groups; a dotted path (realm_access.roles) reaches into an object. */
    OIDC_ROLE_CLAIM: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .max(200)
        .regex(/^[^\s]+$/, "must be a claim name without spaces, e.g. groups")
        .default("groups"),
    ),
    /** Which group becomes which role: `helpdesk=agent,helpdesk-leads=supervisor,it-admins=admin`. */
    OIDC_ROLE_MAP: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .optional()
        .superRefine((value, ctx) => {
          if (value === undefined) return;
          for (const problem of parseRoleMap(value).problems) ctx.addIssue({ code: "custom", message: problem });
        }),
    ),
    /** The identity provider's name on the sign-in button ("Sign in with …"). */
    OIDC_NAME: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .min(1)
        .max(60, "must be at most 60 characters")
        .regex(/^[^\u0000-\u001f\u007f]+$/, "must not contain control characters")
        .default("single sign-on"),
    ),

    DEMO_MODE: z.preprocess(emptyToUndefined, boolean.default(false)),
    SIMULATOR_PORT: port.default(4010),

    AUDIT_HMAC_KEY: z.preprocess(emptyToUndefined, z.string().min(32, "must be at least 32 characters").optional()),
    AUDIT_HMAC_KEY_FILE: optionalString,
    AUDIT_RECONCILE_AFTER_SECONDS: positiveInt.default(60),
    /** How often every instance looks for unsettled changes (claims keep each to one instance); tests shorten it. */
    AUDIT_RECONCILE_EVERY_SECONDS: positiveInt.default(30),
    /** Every this many minutes one instance verifies the rows added to the chain since the last verification. */
    AUDIT_VERIFY_EVERY_MINUTES: positiveInt.default(10),

    /** Proxies whose X-Forwarded-For is believed (addresses or CIDRs); none by default. */
    TRUSTED_PROXIES: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .optional()
        .superRefine((value, ctx) => {
          for (const problem of parseTrustedProxies(value).problems) ctx.addIssue({ code: "custom", message: problem });
        }),
    ),

    RSA_ADMIN_KEY_FILE: optionalString,
    RSA_OAUTH_ISSUER: optionalUrl,
    RSA_OAUTH_CLIENT_ID: optionalString,
    RSA_OAUTH_KEY_FILE: optionalString,
    RSA_ADMIN_API_URL: optionalUrl,
    RSA_OAUTH_SCOPES: optionalString,
    RSA_TIMEOUT_MS: positiveInt.default(8000),
    RSA_TOTAL_TIMEOUT_MS: positiveInt.default(15000),
    RSA_RETRY_AFTER_CAP_MS: positiveInt.default(5000),
    /** Consecutive calls that fail to reach RSA before calls fail at once; 0 turns the circuit breaker off. */
    RSA_BREAKER_FAILURES: z.coerce.number().int().min(0).default(5),
    /** While RSA is down, how often a harmless lookup checks whether it is back. */
    RSA_BREAKER_PROBE_SECONDS: positiveInt.default(10),
  })
  .superRefine((e, ctx) => {
    // Single sign-on is one block: half of it set is a mistake, named here rather than discovered at the first sign-in.
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (e.OIDC_ISSUER) {
      const missing = (["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_ROLE_MAP"] as const).filter((name) => !e[name]);
      if (missing.length)
        problem(
          "OIDC_ISSUER",
          `single sign-on also needs ${missing.join(" and ")}; set ${missing.length > 1 ? "them" : "it"} or unset OIDC_ISSUER`,
        );
    } else {
      for (const name of ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_ROLE_MAP"] as const)
        if (e[name])
          problem(name, "is set but OIDC_ISSUER is not; set OIDC_ISSUER to turn single sign-on on, or unset this");
      if (!e.AUTH_PASSWORDS)
        problem("AUTH_PASSWORDS", "is off but single sign-on is not configured (OIDC_ISSUER), so nobody could sign in");
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "environment"}: ${issue.message}`),
    );
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated configuration of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests and the start script change the environment and need a fresh read. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** Which kind of RSA credential is configured, if any. */
export function rsaCredentialKind(e: Env = env()): "legacy-key" | "oauth" | "none" {
  if (e.RSA_ADMIN_KEY_FILE) return "legacy-key";
  if (e.RSA_OAUTH_ISSUER || e.RSA_OAUTH_CLIENT_ID || e.RSA_OAUTH_KEY_FILE) return "oauth";
  return "none";
}

/** Single sign-on as configured, or null when it is off. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  roleClaim: string;
  roleMap: RoleMap;
  name: string;
}

export function oidcSettings(e: Env = env()): OidcSettings | null {
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    roleClaim: e.OIDC_ROLE_CLAIM,
    roleMap: parseRoleMap(e.OIDC_ROLE_MAP).map,
    name: e.OIDC_NAME,
  };
}

/** Whether local passwords are accepted (AUTH_PASSWORDS, on unless turned off). */
export function passwordsEnabled(e: Env = env()): boolean {
  return e.AUTH_PASSWORDS;
}

export function authSecret(e: Env = env()): string | undefined {
  return e.NEXTAUTH_SECRET ?? e.AUTH_SECRET;
}
