import autocannon from "autocannon";

/**
 * One load run with autocannon: a fixed number of connections, each sending
 * its next request as soon as the previous answer arrived, for a duration.
 * Latencies are kept per response (autocannon's histogram has 1 ms steps,
 * too coarse for a 1.5 ms tenant), so the percentiles below are exact.
 */
export interface LoadSpec {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
  /** Gives every request an X-Request-Id of its own, this prefix and a number (tokendesk records it). */
  requestIdPrefix?: string;
}

export interface LoadFigures {
  connections: number;
  /** How many runs these figures pool (interleaved with the runs they are compared with). */
  runs: number;
  seconds: number;
  requests: number;
  /** Answers other than 2xx, and connection errors and timeouts: each a failure of the run. */
  non2xx: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(latencies: number[]): { p50: number; p95: number; p99: number; mean: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / (sorted.length || 1);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), mean };
}

/** Figures and the latencies they came from (to pool several runs). */
export type LoadRun = LoadFigures & { latencies: number[] };

/** Several runs as one: every latency pooled, requests and seconds summed. */
export function pool(runs: LoadRun[]): LoadRun {
  const latencies = runs.flatMap((r) => r.latencies);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  const requests = runs.reduce((sum, r) => sum + r.requests, 0);
  return {
    connections: runs[0]!.connections,
    runs: runs.length,
    seconds,
    requests,
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    perSecond: requests / seconds,
    ...summarize(latencies),
    latencies,
  };
}

/** The figures without the raw latencies (what the JSON keeps). */
export function figuresOf(run: LoadRun): LoadFigures {
  const figures: Partial<LoadRun> = { ...run };
  delete figures.latencies;
  return figures as LoadFigures;
}

export async function runLoad(spec: LoadSpec): Promise<LoadRun> {
  const latencies: number[] = [];
  let sent = 0;
  const { requestIdPrefix } = spec;
  const instance = autocannon({
    url: spec.url,
    method: spec.method ?? "GET",
    headers: spec.headers,
    body: spec.body,
    connections: spec.connections,
    duration: spec.seconds,
    timeout: 30,
    ...(requestIdPrefix
      ? {
          requests: [
            {
              setupRequest: (request: { headers?: Record<string, string> }) => ({
                ...request,
                headers: { ...request.headers, "x-request-id": `${requestIdPrefix}${++sent}` },
              }),
            },
          ],
        }
      : {}),
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;
  return {
    connections: spec.connections,
    runs: 1,
    latencies,
    seconds: result.duration,
    requests: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    perSecond: result["2xx"] / result.duration,
    ...summarize(latencies),
  };
}

/** A short run whose figures are thrown away: JIT, connection pools and caches warm on both sides alike. */
export async function warmUp(spec: Omit<LoadSpec, "seconds">, seconds = 3): Promise<void> {
  await runLoad({ ...spec, seconds });
}
