import "server-only";
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/http/client-address";

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

export const envSchema = z.object({
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

  DEMO_MODE: z.preprocess(emptyToUndefined, boolean.default(false)),
  SIMULATOR_PORT: port.default(4010),

  AUDIT_HMAC_KEY: z.preprocess(emptyToUndefined, z.string().min(32, "must be at least 32 characters").optional()),
  AUDIT_HMAC_KEY_FILE: optionalString,
  AUDIT_RECONCILE_AFTER_SECONDS: positiveInt.default(60),
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

export function authSecret(e: Env = env()): string | undefined {
  return e.NEXTAUTH_SECRET ?? e.AUTH_SECRET;
}
