/**
 * RSA answers errors in two shapes (REFERENCE.md): business errors
 * `{"code": "404 NOT_FOUND", "description": "..."}` and framework errors
 * `{"status": 403, "error": "Forbidden", "message": "..."}`. Gateways answer
 * with HTML. Anything else — or nothing — must not break the client.
 */
export interface ParsedErrorBody {
  shape: "business" | "framework" | "html" | "other" | "empty";
  code?: string;
  description?: string;
}

const MAX_DESCRIPTION = 300;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_DESCRIPTION ? `${flat.slice(0, MAX_DESCRIPTION)}…` : flat;
}

export function parseErrorBody(body: string, contentType: string | null): ParsedErrorBody {
  if (!body.trim()) return { shape: "empty" };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    if (/html/i.test(contentType ?? "") || /^\s*<(!doctype|html)/i.test(body)) {
      const title = /<title>([^<]*)<\/title>/i.exec(body)?.[1];
      return { shape: "html", description: clip(title ? `HTML page: ${title}` : "HTML page") };
    }
    return { shape: "other", description: clip(body) };
  }
  if (json && typeof json === "object" && !Array.isArray(json)) {
    const o = json as Record<string, unknown>;
    if (
      (typeof o.code === "string" || typeof o.code === "number") &&
      (o.description !== undefined || o.message === undefined)
    ) {
      return {
        shape: "business",
        code: String(o.code),
        description: typeof o.description === "string" ? clip(o.description) : undefined,
      };
    }
    if (typeof o.status === "number" || typeof o.error === "string") {
      const message = typeof o.message === "string" ? o.message : typeof o.error === "string" ? o.error : undefined;
      return {
        shape: "framework",
        code: typeof o.error === "string" ? o.error : undefined,
        description: message ? clip(message) : undefined,
      };
    }
  }
  return { shape: "other", description: clip(body) };
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
