import { cpuMeter, cpuSeconds, machineBusySeconds, postgresCpuSeconds } from "./cpu";
import { figuresOf, pool, runLoad, warmUp, type LoadFigures, type LoadRun, type LoadSpec } from "./load";
import type { AppInstance, BenchDatabase, BenchSimulator } from "./stack";

/**
 * A signed-in lookup through tokendesk (GET /api/tokens/<serial>) against
 * the same RSA call sent straight to the simulator with the same kind of
 * credential, one request at a time and with 20 in flight.
 */

/** What a browser sends with every request; the answer is compressed as an agent's would be. */
export const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br, zstd", accept: "application/json" };

export function appLookupSpec(app: AppInstance, cookie: string, serial: string, userAgent: string) {
  return {
    url: `${app.url}/api/tokens/${serial}`,
    headers: { ...BROWSER_HEADERS, cookie, "user-agent": userAgent },
  } satisfies Omit<LoadSpec, "connections" | "seconds">;
}

/** The one RSA call a SID700 lookup makes (1. Retrieve a SID700 token), as tokendesk's client sends it. */
export function bareLookupSpec(simulator: BenchSimulator, bearer: string, serial: string) {
  return {
    url: `${simulator.url}/AdminInterface/restapi/v1/sidTokens/lookup?bench=bare`,
    method: "POST" as const,
    headers: { accept: "application/json", authorization: `Bearer ${bearer}`, "content-type": "application/json" },
    body: JSON.stringify({ tokenSerialNumber: serial }),
  } satisfies Omit<LoadSpec, "connections" | "seconds">;
}

/** CPU milliseconds per answered request, by process. */
export type CpuPerRequest = Record<string, number>;

export interface LookupRun {
  app: LoadFigures;
  bare: LoadFigures;
  addedP50: number;
  addedP95: number;
  appCpu: CpuPerRequest;
  bareCpu: CpuPerRequest;
  /** Cores kept busy by everything else on the machine meanwhile (other people's builds and tests). */
  otherCores: number;
}

export interface LookupFigures {
  rsaCallsPerLookup: number;
  c1: LookupRun;
  c20: LookupRun;
  throughputRatio: number;
}

export async function measureLookups(options: {
  app: AppInstance;
  simulator: BenchSimulator;
  database: BenchDatabase;
  cookie: string;
  bearer: string;
  serial: string;
  seconds: number;
  /** Runs of each side, interleaved, so the machine's other load falls on both alike. */
  trials: number;
  log: (line: string) => void;
}): Promise<LookupFigures> {
  const { app, simulator, database, cookie, bearer, serial, seconds, trials, log } = options;
  const parts = {
    tokendesk: () => cpuSeconds(app.pid),
    simulator: () => cpuSeconds(simulator.pid),
    postgres: () => postgresCpuSeconds(database.clusterDir),
  };
  /** CPU per answered request by process, and what the rest of the machine used meanwhile. */
  const metered = async (work: () => Promise<LoadRun>) => {
    const meter = cpuMeter({ ...parts, machine: machineBusySeconds, bench: () => process.cpuUsage().user / 1e6 });
    const started = performance.now();
    const figures = await work();
    const { machine, bench, ...used } = meter.read();
    const ours = Object.values(used).reduce((sum, ms) => sum + ms, 0) + bench!;
    const cpu = Object.fromEntries(Object.entries(used).map(([name, ms]) => [name, ms / (figures.requests || 1)]));
    return { figures, cpu, otherMs: machine! - ours, wallMs: performance.now() - started };
  };
  const appSpec = appLookupSpec(app, cookie, serial, "tokendesk-bench lookups");
  const bareSpec = bareLookupSpec(simulator, bearer, serial);

  // Each lookup must be one RSA call, or the comparison below compares different work.
  const before = await simulator.counts();
  for (let i = 0; i < 20; i++) {
    const response = await fetch(appSpec.url, { headers: appSpec.headers });
    const body = (await response.json()) as { ok: boolean; data?: { found: boolean } };
    if (!body.ok || !body.data?.found) throw new Error(`lookup of ${serial} failed: ${JSON.stringify(body)}`);
  }
  const rsaCallsPerLookup = ((await simulator.counts()).adminRequests - before.adminRequests) / 20;
  log(`  one lookup makes ${rsaCallsPerLookup} RSA call(s)`);

  log("  warming up…");
  await warmUp({ ...bareSpec, connections: 20 });
  await warmUp({ ...appSpec, connections: 20 });

  const run = async (connections: number): Promise<LookupRun> => {
    const bare: Awaited<ReturnType<typeof metered>>[] = [];
    const through: Awaited<ReturnType<typeof metered>>[] = [];
    const each = seconds / trials;
    for (let trial = 0; trial < trials; trial++) {
      bare.push(await metered(() => runLoad({ ...bareSpec, connections, seconds: each })));
      const measure = () => metered(() => runLoad({ ...appSpec, connections, seconds: each }));
      through.push(app.profile ? await app.profile(`lookups-c${connections}-${trial + 1}`, measure) : await measure());
    }
    const combined = (side: typeof bare) => {
      const figures = figuresOf(pool(side.map((s) => s.figures)));
      const cpu = Object.fromEntries(
        Object.keys(parts).map((name) => [
          name,
          side.reduce((sum, s) => sum + s.cpu[name]! * s.figures.requests, 0) / (figures.requests || 1),
        ]),
      );
      return { figures, cpu };
    };
    const b = combined(bare);
    const a = combined(through);
    const all = [...bare, ...through];
    const otherCores = all.reduce((sum, s) => sum + s.otherMs, 0) / all.reduce((sum, s) => sum + s.wallMs, 0);
    log(`  c=${connections} bare simulator: ${describe(b.figures)}; CPU per request ${describeCpu(b.cpu)}`);
    log(`  c=${connections} through tokendesk: ${describe(a.figures)}; CPU per request ${describeCpu(a.cpu)}`);
    log(`  (${trials} interleaved runs each; other processes kept ${otherCores.toFixed(2)} cores busy meanwhile)`);
    return {
      app: a.figures,
      bare: b.figures,
      addedP50: a.figures.p50 - b.figures.p50,
      addedP95: a.figures.p95 - b.figures.p95,
      appCpu: a.cpu,
      bareCpu: b.cpu,
      otherCores,
    };
  };
  const c1 = await run(1);
  const c20 = await run(20);
  return { rsaCallsPerLookup, c1, c20, throughputRatio: c20.app.perSecond / c20.bare.perSecond };
}

export function describeCpu(cpu: CpuPerRequest): string {
  return Object.entries(cpu)
    .map(([name, ms]) => `${name} ${ms.toFixed(2)} ms`)
    .join(", ");
}

export function describe(f: LoadFigures): string {
  const failures = f.non2xx + f.errors ? ` (${f.non2xx} non-2xx, ${f.errors} errors)` : "";
  return `${f.perSecond.toFixed(0)}/s, p50 ${f.p50.toFixed(2)} ms, p95 ${f.p95.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms${failures}`;
}
