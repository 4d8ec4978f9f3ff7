import "server-only";
import type { z } from "zod";
import { env, envSchema, type Env } from "@/lib/env";
import type { ConfigEntry } from "@/lib/admin/types";

/**
 * Every setting of lib/env.ts for the administration page, derived from the
 * schema itself so a variable added there shows up here without anyone
 * remembering to list it. A secret is only ever "set" or "not set"; a URL
 * loses its user, password and query; and as a last guard any shown value
 * that contains a secret's value is hidden too.
 */

const SECRET_NAME = /SECRET|KEY|PASSWORD|TOKEN|CREDENTIAL|PRIVATE/;

/** Names that match SECRET_NAME but hold no secret: a path to a file (the file holds it) and an on/off switch. */
function namesASecret(name: string): boolean {
  if (name.endsWith("_FILE") || name === "AUTH_PASSWORDS") return false;
  return SECRET_NAME.test(name);
}

const HIDDEN = "set (hidden: it contains a secret)";

export type { ConfigEntry };
const URL_LIKE = /^[a-z][a-z\d+.-]*:\/\//i;

/** A URL without what may be secret in it; a database URL as host and database only. */
function safeUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "set"; // unreadable: it might be anything, so say no more
  }
  const database = /^postgres(ql)?:$/.test(url.protocol) || name.startsWith("DATABASE_");
  if (!database && !url.username && !url.password && !url.search && !url.hash) return value;
  return `${url.protocol}//${url.host}${url.pathname === "/" ? "" : url.pathname}`;
}

function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}

/** Every value that must never appear on the page: the secrets, and the passwords inside URLs. */
function secretValues(e: Env): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(e)) {
    if (value === undefined || value === null) continue;
    const text = asText(value);
    if (namesASecret(name)) values.push(text);
    if (URL_LIKE.test(text)) {
      try {
        const url = new URL(text);
        if (url.password) values.push(url.password, decodeURIComponent(url.password));
        for (const [key, param] of url.searchParams) if (namesASecret(key.toUpperCase())) values.push(param);
      } catch {
        // not a URL after all: nothing inside it to collect
      }
    }
  }
  // Short values ("1", "on") would hide innocent settings; real secrets are long.
  return values.filter((v) => v.length >= 6);
}

function defaultOf(schema: z.ZodType): { has: boolean; value?: unknown } {
  const parsed = schema.safeParse(undefined);
  return parsed.success && parsed.data !== undefined ? { has: true, value: parsed.data } : { has: false };
}

export function configSummary(e: Env = env()): ConfigEntry[] {
  const shape = envSchema.shape as Record<string, z.ZodType>;
  const secrets = secretValues(e);
  return Object.keys(shape).map((name): ConfigEntry => {
    const value = (e as Record<string, unknown>)[name];
    const preset = defaultOf(shape[name]!);
    const isDefault = value === undefined ? !preset.has : preset.has && asText(preset.value) === asText(value);
    if (namesASecret(name)) return { name, shown: value === undefined ? "not set" : "set", kind: "secret", isDefault };
    if (value === undefined) return { name, shown: "not set", kind: "unset", isDefault };
    const text = asText(value);
    const shown = URL_LIKE.test(text) ? safeUrl(name, text) : text;
    if (secrets.some((secret) => shown.includes(secret))) return { name, shown: HIDDEN, kind: "secret", isDefault };
    return { name, shown, kind: "value", isDefault };
  });
}
