import "server-only";
import { BearerCache, type BearerSlot } from "@/lib/rsa/bearer-cache";
import { RsaBreaker } from "@/lib/rsa/breaker";
import type { RsaConfig } from "@/lib/rsa/config";
import { RsaError, type RsaErrorKind } from "@/lib/rsa/errors";
import { fetchWithTimeout } from "@/lib/rsa/fetch-with-timeout";
import { fetchOAuthToken } from "@/lib/rsa/oauth-token";
import { signLegacyJwt } from "@/lib/rsa/legacy-jwt";
import { PROBE_SERIAL } from "@/lib/rsa/probe";
import { readAnswer, refusedTheBearer, type AnswerSpec } from "@/lib/rsa/read-answer";
import { backoffDelayMs, isRetryableStatus, MAX_LOOKUP_RETRIES } from "@/lib/rsa/retry-policy";
import { sidTokenSchema } from "@/lib/rsa/token-record";

export interface TransportOptions {
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Where the bearer is kept (default: this transport's own). */
  bearerSlot?: BearerSlot;
  /** Called after every HTTP attempt (diagnostics, tests, logs). Never carries a body. */
  onAttempt?: (attempt: {
    operation: string;
    status: number | null;
    kind: RsaErrorKind | null;
    durationMs: number;
  }) => void;
}

export interface CallSpec<T> extends AnswerSpec<T> {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path after the API base, starting with `/v1/` or `/v2/` (query string included). */
  path: string;
  body?: Record<string, unknown>;
}

/**
 * Which bearer a refusal was about, kept beside the error rather than on it so
 * the token can never end up in a log line.
 */
const refusedBearer = new WeakMap<RsaError, string>();

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The bearer could not be had: nothing went to the Administration API, whatever happened at the token endpoint. */
function bearerFailure(error: unknown): RsaError {
  if (error instanceof RsaError) return error.withCall({ sentRequest: false });
  return new RsaError("not_configured", "tokendesk could not sign a bearer token with its RSA key", {
    sentRequest: false,
    cause: error,
  });
}

/**
 * Sends one RSA call: through the circuit breaker, bearer from the cache, a
 * per-attempt timeout inside a total budget, retries for reads only, and
 * every outcome mapped to one typed RsaError that knows whether the call
 * changes state (so `mayHaveBeenApplied` is right).
 */
export class RsaTransport {
  readonly bearers: BearerCache;
  readonly breaker: RsaBreaker;
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
      undefined,
      options.bearerSlot,
    );
    this.breaker = new RsaBreaker({
      failures: config.breakerFailures,
      probeMs: config.breakerProbeMs,
      now: this.now,
      probe: () =>
        this.unguarded({
          operation: "probe.sidTokens.lookup",
          kind: "read",
          method: "POST",
          path: "/v1/sidTokens/lookup",
          body: { tokenSerialNumber: PROBE_SERIAL },
          answer: sidTokenSchema,
        }),
    });
  }

  /** A bearer for the Administration API; failing to get one means nothing was sent to it. */
  async bearer(): Promise<string> {
    try {
      return await this.bearers.get();
    } catch (error) {
      throw bearerFailure(error);
    }
  }

  call<T>(spec: CallSpec<T>): Promise<T> {
    return this.breaker.run(() => this.unguarded(spec));
  }

  private async unguarded<T>(spec: CallSpec<T>): Promise<T> {
    const deadline = this.now() + this.config.totalTimeoutMs;
    let retriesLeft = spec.kind === "read" ? MAX_LOOKUP_RETRIES : 0;
    let renewedBearer = false;
    let sentAny = false;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(spec, deadline, sentAny, () => (sentAny = true));
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

  private async attempt<T>(spec: CallSpec<T>, deadline: number, sentBefore: boolean, markSent: () => void): Promise<T> {
    const started = this.now();
    const remaining = () => deadline - this.now();
    const changesState = spec.kind === "change";
    if (remaining() <= 0)
      throw new RsaError("timeout", `RSA did not answer within ${this.config.totalTimeoutMs} ms`, {
        sentRequest: sentBefore,
        changesState,
      });
    let status: number | null = null;
    let kind: RsaErrorKind | null = null;
    try {
      const bearer = await this.bearer();
      const url = `${this.config.apiBase}${spec.path}`;
      let answer;
      try {
        answer = await fetchWithTimeout(this.fetchImpl, url, {
          method: spec.method,
          headers: {
            Accept: "application/json",
            Authorization: `Bearer ${bearer}`,
            ...(spec.body ? { "Content-Type": "application/json" } : {}),
          },
          body: spec.body ? JSON.stringify(spec.body) : undefined,
          timeoutMs: Math.min(this.config.timeoutMs, remaining()),
        });
      } catch (error) {
        if (error instanceof RsaError) {
          if (error.sentRequest) markSent();
          throw error.withCall({ changesState });
        }
        throw error;
      }
      markSent();
      status = answer.status;
      try {
        return readAnswer(spec, answer, url, this.now());
      } catch (error) {
        if (error instanceof RsaError && refusedTheBearer(error)) refusedBearer.set(error, bearer);
        throw error;
      }
    } catch (error) {
      if (error instanceof RsaError) kind = error.kind;
      throw error;
    } finally {
      this.options.onAttempt?.({ operation: spec.operation, status, kind, durationMs: this.now() - started });
    }
  }
}
