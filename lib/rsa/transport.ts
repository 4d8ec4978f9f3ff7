import "server-only";
import type { z } from "zod";
import { BearerCache } from "@/lib/rsa/bearer-cache";
import type { RsaConfig } from "@/lib/rsa/config";
import { parseErrorBody, parseRetryAfter, type ParsedErrorBody } from "@/lib/rsa/error-body";
import { RsaError, type RsaErrorKind } from "@/lib/rsa/errors";
import { fetchWithTimeout, type RawAnswer } from "@/lib/rsa/fetch-with-timeout";
import { fetchOAuthToken } from "@/lib/rsa/oauth-token";
import { signLegacyJwt } from "@/lib/rsa/legacy-jwt";
import { backoffDelayMs, isRetryableStatus, MAX_LOOKUP_RETRIES } from "@/lib/rsa/retry-policy";

export interface TransportOptions {
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Called after every HTTP attempt (diagnostics, tests, logs). */
  onAttempt?: (attempt: {
    operation: string;
    status: number | null;
    kind: RsaErrorKind | null;
    durationMs: number;
  }) => void;
}

export interface CallSpec<T> {
  /** A short name for logs, e.g. "sidTokens.lookup". */
  operation: string;
  method: "GET" | "POST" | "PATCH";
  /** Path after the API base, starting with `/v1/` or `/v2/`. */
  path: string;
  body?: Record<string, unknown>;
  answer: z.ZodType<T>;
  /** Lookups may be retried; state changes never are. */
  retry: boolean;
}

/**
 * Which bearer a refusal was about, kept beside the error rather than on it so
 * the token can never end up in a log line.
 */
const refusedBearer = new WeakMap<RsaError, string>();

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A 401/403 saying the bearer token itself is bad (expired, not accepted) — worth one renewal. */
function saysTokenIsBad(status: number, parsed: ParsedErrorBody): boolean {
  if (status === 401) return true;
  return (
    status === 403 &&
    parsed.shape === "framework" &&
    /access token|jwt|token expired|invalid token/i.test(parsed.description ?? "")
  );
}

function kindForStatus(status: number): RsaErrorKind {
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 429) return "rate_limited";
  if (status === 401 || status === 403) return "credential_rejected";
  if (status >= 500) return "unavailable";
  return "bad_request";
}

/**
 * Sends one RSA call: bearer from the cache, a per-attempt timeout inside a
 * total budget, retries for lookups only, and every outcome mapped to one
 * typed RsaError.
 */
export class RsaTransport {
  readonly bearers: BearerCache;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    readonly config: RsaConfig,
    private readonly options: TransportOptions = {},
  ) {
    this.fetchImpl = options.fetch ?? fetch;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? defaultSleep;
    const credential = config.credential;
    this.bearers = new BearerCache(
      () =>
        credential.kind === "legacy-key"
          ? signLegacyJwt(credential, this.now())
          : fetchOAuthToken(credential, { nowMs: this.now(), timeoutMs: config.timeoutMs, fetch: this.fetchImpl }),
      this.now,
    );
  }

  async call<T>(spec: CallSpec<T>): Promise<T> {
    const deadline = this.now() + this.config.totalTimeoutMs;
    let retriesLeft = spec.retry ? MAX_LOOKUP_RETRIES : 0;
    let renewedBearer = false;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(spec, deadline);
      } catch (error) {
        if (!(error instanceof RsaError)) throw error;
        const badBearer = refusedBearer.get(error);
        if (badBearer && !renewedBearer) {
          // A refused bearer applied nothing, so even a change may be sent once more with a new one.
          renewedBearer = true;
          this.bearers.invalidate(badBearer);
          continue;
        }
        const wait = this.retryWait(error, attempt, retriesLeft, deadline);
        if (wait === null) throw error;
        retriesLeft--;
        await this.sleep(wait);
      }
    }
  }

  /** How long to wait before retrying, or null to give up with this error. */
  private retryWait(error: RsaError, attempt: number, retriesLeft: number, deadline: number): number | null {
    if (retriesLeft <= 0) return null;
    const retryable =
      (error.httpStatus !== undefined && isRetryableStatus(error.httpStatus)) ||
      (error.kind === "network" && !error.sentRequest);
    if (!retryable) return null;
    if (error.retryAfterMs !== undefined && error.retryAfterMs > this.config.retryAfterCapMs) return null; // fail fast; the message says when
    const wait = Math.max(error.retryAfterMs ?? 0, backoffDelayMs(attempt, this.random));
    // Only retry if there is time left for a meaningful attempt after waiting.
    return this.now() + wait + 100 < deadline ? wait : null;
  }

  private async attempt<T>(spec: CallSpec<T>, deadline: number): Promise<T> {
    const started = this.now();
    const remaining = () => deadline - this.now();
    if (remaining() <= 0)
      throw new RsaError("timeout", `RSA did not answer within ${this.config.totalTimeoutMs} ms`, {
        sentRequest: true,
      });
    let status: number | null = null;
    let kind: RsaErrorKind | null = null;
    try {
      const bearer = await this.bearers.get();
      const answer = await fetchWithTimeout(this.fetchImpl, `${this.config.apiBase}${spec.path}`, {
        method: spec.method,
        headers: {
          Accept: "application/json",
          Authorization: `Bearer ${bearer}`,
          ...(spec.body ? { "Content-Type": "application/json" } : {}),
        },
        body: spec.body ? JSON.stringify(spec.body) : undefined,
        timeoutMs: Math.min(this.config.timeoutMs, remaining()),
      });
      status = answer.status;
      return this.read(spec, answer, bearer);
    } catch (error) {
      if (error instanceof RsaError) kind = error.kind;
      throw error;
    } finally {
      this.options.onAttempt?.({ operation: spec.operation, status, kind, durationMs: this.now() - started });
    }
  }

  private read<T>(spec: CallSpec<T>, answer: RawAnswer, bearer: string): T {
    if (answer.status >= 200 && answer.status < 300) {
      let json: unknown;
      try {
        json = JSON.parse(answer.body);
      } catch {
        throw new RsaError("invalid_answer", `RSA answered ${spec.operation} with a body that is not JSON`, {
          httpStatus: answer.status,
          sentRequest: true,
        });
      }
      const parsed = spec.answer.safeParse(json);
      if (!parsed.success) {
        const fields = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(body)"))]
          .slice(0, 5)
          .join(", ");
        throw new RsaError("invalid_answer", `RSA answered ${spec.operation} with unexpected content`, {
          httpStatus: answer.status,
          rsaDescription: `invalid fields: ${fields}`,
          sentRequest: true,
        });
      }
      return parsed.data;
    }
    const parsed = parseErrorBody(answer.body, answer.headers.get("content-type"));
    const kind = kindForStatus(answer.status);
    const error = new RsaError(kind, `RSA answered ${spec.operation} with HTTP ${answer.status}`, {
      httpStatus: answer.status,
      rsaCode: parsed.code,
      rsaDescription: parsed.description,
      retryAfterMs:
        answer.status === 429 || answer.status === 503
          ? parseRetryAfter(answer.headers.get("retry-after"), this.now())
          : undefined,
      sentRequest: true,
    });
    if (kind === "credential_rejected" && saysTokenIsBad(answer.status, parsed)) refusedBearer.set(error, bearer);
    throw error;
  }
}
