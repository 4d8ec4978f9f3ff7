import type { z } from "zod";
import { classifyConflict } from "@/lib/rsa/conflict";
import { parseErrorBody, parseRetryAfter } from "@/lib/rsa/error-body";
import { RsaError, type RsaErrorKind } from "@/lib/rsa/errors";
import type { RawAnswer } from "@/lib/rsa/fetch-with-timeout";

/** What read-answer needs to know about the call whose answer it reads. */
export interface AnswerSpec<T> {
  operation: string;
  /** A change's unreadable 2xx is "applied, answer unreadable"; a read's is just unreadable. */
  kind: "read" | "change";
  answer: z.ZodType<T>;
  /** An empty 2xx body is a complete answer (call 15 answers with one). */
  emptyAnswer?: boolean;
  /** The answer carries a secret: no text of any body goes into an error. */
  secret?: boolean;
}

const SHAPE_WORDS: Record<string, string> = {
  framework: "the web framework's own 404",
  html: "an HTML page",
  empty: "an empty body",
  other: "a body that is not RSA's",
};

function kindForStatus(status: number): RsaErrorKind {
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 429) return "rate_limited";
  if (status === 401 || status === 403) return "credential_rejected";
  if (status >= 500) return "unavailable";
  return "bad_request";
}

function unreadable<T>(spec: AnswerSpec<T>, status: number, why: string): RsaError {
  const change = spec.kind === "change";
  return new RsaError(
    change ? "answer_unreadable" : "invalid_answer",
    `RSA answered ${spec.operation} with HTTP ${status} and ${why}${change ? "; the change was probably applied" : ""}`,
    { httpStatus: status, rsaDescription: why, sentRequest: true, changesState: change },
  );
}

/** A 2xx answer: the value the schema reads, or an RsaError naming only the fields that failed (never their values). */
function readSuccess<T>(spec: AnswerSpec<T>, answer: RawAnswer): T {
  let json: unknown = undefined;
  if (answer.body.trim() === "") {
    if (!spec.emptyAnswer) throw unreadable(spec, answer.status, "an empty body");
  } else {
    try {
      json = JSON.parse(answer.body);
    } catch {
      throw unreadable(spec, answer.status, "a body that is not JSON");
    }
  }
  const parsed = spec.answer.safeParse(json);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(body)"))].slice(0, 5).join(", ");
  throw unreadable(spec, answer.status, `unexpected content (fields: ${fields})`);
}

/**
 * Turns one HTTP answer into the call's value or one typed RsaError. A 404 is
 * "not found" only in RSA's business shape; any other 404 (the framework's
 * "Not Found", a web server's HTML page, nothing) means the URL does not lead
 * to the Administration API, which no search can fix.
 */
export function readAnswer<T>(spec: AnswerSpec<T>, answer: RawAnswer, url: string, nowMs: number): T {
  if (answer.status >= 200 && answer.status < 300) return readSuccess(spec, answer);
  const body = parseErrorBody(answer.body, answer.headers.get("content-type"));
  const rsaErrorBody = body.shape === "business" || body.shape === "framework";
  const description = spec.secret ? secretSafe(body.shape, body.description) : body.description;
  const common = {
    httpStatus: answer.status,
    rsaCode: body.code,
    rsaDescription: description,
    sentRequest: true,
    changesState: spec.kind === "change",
    rsaErrorBody,
  };
  if (answer.status === 404 && body.shape !== "business") {
    return fail(
      new RsaError("misconfigured", `RSA answered ${spec.operation} at ${url} with a 404 that is not RSA's own`, {
        ...common,
        rsaDescription: `${SHAPE_WORDS[body.shape]}${description ? `: ${description}` : ""}`,
      }),
    );
  }
  const kind = kindForStatus(answer.status);
  const error = new RsaError(kind, `RSA answered ${spec.operation} with HTTP ${answer.status}`, {
    ...common,
    conflict: kind === "conflict" ? classifyConflict(body.description) : undefined,
    retryAfterMs:
      answer.status === 429 || answer.status === 503
        ? parseRetryAfter(answer.headers.get("retry-after"), nowMs)
        : undefined,
  });
  const aboutTheBearer =
    answer.status === 401 ||
    (answer.status === 403 &&
      body.shape === "framework" &&
      /access token|jwt|token expired|invalid token/i.test(body.description ?? ""));
  if (aboutTheBearer) bearerRefusals.add(error);
  return fail(error);
}

/**
 * For a call whose answer holds a secret (an emergency access code): a body
 * that is not RSA's own could be anything, including the answer itself, so
 * none of it is kept; in RSA's own words, any run of digits long enough to be
 * a code is blanked out.
 */
function secretSafe(shape: string, description: string | undefined): string | undefined {
  if (shape !== "business" && shape !== "framework") return undefined;
  return description?.replace(/\d{4,}/g, "[digits]");
}

function fail(error: RsaError): never {
  throw error;
}

/** Refusals of the bearer token itself (expired, not accepted): worth one renewal. */
const bearerRefusals = new WeakSet<RsaError>();

export function refusedTheBearer(error: RsaError): boolean {
  return bearerRefusals.has(error);
}
