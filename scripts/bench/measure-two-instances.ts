import { execFile } from "node:child_process";
import path from "node:path";
import { cpuMeter, cpuSeconds, machineBusySeconds, postgresCpuSeconds } from "./cpu";
import { figuresOf, pool, runLoad, type LoadFigures, type LoadRun } from "./load";
import { changeActionId, changeThroughApp, type Snapshot } from "./measure-changes";
import { appLookupSpec, describe } from "./measure-lookups";
import type { AppInstance, BenchDatabase } from "./stack";

/**
 * Two web servers on one database, as behind a load balancer: lookups at
 * saturation on both at once, and changes from both meanwhile. Then the
 * trail must hold: every answered lookup has its row (none lost), no request
 * has two (none duplicated), every change its INTENT and OUTCOME, gapless
 * sequence numbers, and `npm run audit:verify` passes over the whole chain.
 */

export interface TwoInstanceFigures {
  one: number;
  two: number;
  ratio: number;
  /** Cores each part kept busy (CPU seconds per second), with one instance and with two. */
  coresOne: Record<string, number>;
  coresTwo: Record<string, number>;
  lookups: number;
  auditRows: number;
  duplicated: number;
  lost: number;
  changes: number;
  /** Changes done meanwhile with one instance, and with two (the same loops, spread over both). */
  changesOne: number;
  changesTwo: number;
  intents: number;
  outcomes: number;
  chainVerified: boolean;
  seqGapless: boolean;
  verifyOutput: string;
}

const TSX_CLI = path.resolve("node_modules", "tsx", "dist", "cli.mjs");

export function describeCores(cores: Record<string, number>): string {
  const total = Object.values(cores).reduce((sum, n) => sum + n, 0);
  return `${Object.entries(cores)
    .map(([name, n]) => `${name} ${n.toFixed(2)}`)
    .join(", ")} (${total.toFixed(2)} in all)`;
}

export async function measureTwoInstances(options: {
  a: AppInstance;
  b: AppInstance;
  simulatorPid: number;
  database: BenchDatabase;
  cookie: string;
  serial: string;
  /** Tokens changed during the load: the first half from A, the rest from B. */
  changed: { serial: string; userId: string }[];
  auditKey: string;
  seconds: number;
  trials: number;
  log: (line: string) => void;
}): Promise<TwoInstanceFigures> {
  const { a, b, simulatorPid, database, cookie, serial, changed, seconds, trials, log } = options;
  const userAgent = (name: string) => `tokendesk-bench two-instances ${name}`;
  const each = seconds / trials;
  const spec = (app: AppInstance, name: string, prefix: string) => ({
    ...appLookupSpec(app, cookie, serial, userAgent(name)),
    connections: 20,
    seconds: each,
    requestIdPrefix: prefix,
  });

  const meter = () =>
    cpuMeter({
      A: () => cpuSeconds(a.pid),
      B: () => cpuSeconds(b.pid),
      postgres: () => postgresCpuSeconds(database.clusterDir),
      simulator: () => cpuSeconds(simulatorPid),
      "load generator": () => process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
      machine: machineBusySeconds,
    });
  /** Cores each part kept busy, and everything else on the machine ("others"). */
  const metered = async <T>(work: () => Promise<T>) => {
    const started = performance.now();
    const m = meter();
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    const { machine, ...used } = m.read();
    const ours = Object.values(used).reduce((sum, ms) => sum + ms, 0);
    const busy = Object.fromEntries(Object.entries(used).map(([name, ms]) => [name, ms / 1000 / seconds]));
    return { result, cores: { ...busy, others: (machine! - ours) / 1000 / seconds } };
  };
  const average = (all: Record<string, number>[]) =>
    Object.fromEntries(Object.keys(all[0]!).map((k) => [k, all.reduce((sum, c) => sum + c[k]!, 0) / all.length]));

  // Changes from both instances while both are loaded: each instance toggles tokens of its own.
  const actionId = changeActionId();
  const changes = { ok: 0, refused: 0 };
  const toggle = async (app: AppInstance, token: { serial: string; userId: string }, stop: { now: boolean }) => {
    const enabled: Snapshot = { tokenStatus: "Enabled", tokenState: "Activated", userId: token.userId };
    const disabled: Snapshot = { ...enabled, tokenStatus: "Disabled" };
    let state: "enabled" | "disabled" = "enabled";
    while (!stop.now) {
      const [action, expected] =
        state === "enabled" ? (["disable", enabled] as const) : (["enable", disabled] as const);
      const result = await changeThroughApp(app, cookie, actionId, token.serial, action, expected, userAgent("change"));
      if (result.ok) {
        changes.ok++;
        state = state === "enabled" ? "disabled" : "enabled";
      } else changes.refused++;
    }
    // Leave the token as the seed had it.
    if (state === "disabled")
      await changeThroughApp(app, cookie, actionId, token.serial, "enable", disabled, userAgent("change"));
  };
  const profiled = <T>(app: AppInstance, label: string, run: () => Promise<T>) =>
    app.profile ? app.profile(label, run) : run();

  // One instance alone, then both at once, in turns, so the machine's other load falls on both alike.
  const alone: LoadRun[] = [];
  const onA: LoadRun[] = [];
  const onB: LoadRun[] = [];
  const coresOne: Record<string, number>[] = [];
  const coresTwo: Record<string, number>[] = [];
  const changesDuring = async <T>(instances: AppInstance[], work: () => Promise<T>) => {
    const stop = { now: false };
    const changing = changed.map((token, i) => toggle(instances[i % instances.length]!, token, stop));
    try {
      return await work();
    } finally {
      stop.now = true;
      await Promise.all(changing);
    }
  };
  let changesAlone = 0;
  for (let trial = 1; trial <= trials; trial++) {
    // The same work on one instance: lookups at saturation and the same change loops, all on A.
    const before = changes.ok;
    const one = await changesDuring([a], () =>
      metered(() => profiled(a, `one-instance-${trial}`, () => runLoad(spec(a, "alone", `alone${trial}-`)))),
    );
    changesAlone += changes.ok - before;
    alone.push(one.result);
    coresOne.push(one.cores);
    const both = await changesDuring([a, b], () =>
      metered(() =>
        Promise.all([
          profiled(a, `two-instances-${trial}`, () => runLoad(spec(a, "A", `a${trial}-`))),
          profiled(b, `two-instances-${trial}`, () => runLoad(spec(b, "B", `b${trial}-`))),
        ]),
      ),
    );
    onA.push(both.result[0]);
    onB.push(both.result[1]);
    coresTwo.push(both.cores);
  }
  const one = figuresOf(pool(alone));
  const [pooledA, pooledB] = [figuresOf(pool(onA)), figuresOf(pool(onB))];
  log(`  one instance: ${describe(one)}; cores busy: ${describeCores(average(coresOne))}`);
  log(`  instance A: ${describe(pooledA)}`);
  log(`  instance B: ${describe(pooledB)}`);
  log(
    `  changes meanwhile: ${changesAlone} with one instance, ${changes.ok - changesAlone} with two (${changes.refused} refused); cores busy with two: ${describeCores(average(coresTwo))}`,
  );

  const figures = await checkTrail(database, [pooledA, pooledB], userAgent, options.auditKey);
  const two = pooledA.perSecond + pooledB.perSecond;
  const result = {
    one: one.perSecond,
    two,
    ratio: two / one.perSecond,
    coresOne: average(coresOne),
    coresTwo: average(coresTwo),
    changes: changes.ok,
    changesOne: changesAlone,
    changesTwo: changes.ok - changesAlone,
    ...figures,
  };
  log(
    `  ${result.auditRows} lookup rows for ${result.lookups} answered lookups (${result.lost} lost, ${result.duplicated} duplicated); ${result.intents} INTENTs, ${result.outcomes} OUTCOMEs; seq ${result.seqGapless ? "gapless" : "HAS GAPS"}; ${result.verifyOutput}`,
  );
  return result;
}

async function checkTrail(
  database: BenchDatabase,
  runs: LoadFigures[],
  userAgent: (name: string) => string,
  auditKey: string,
) {
  const lookups = runs.reduce((sum, run) => sum + run.requests, 0);
  const [rows] = await database.query<{ rows: number; distinct: number }>(
    `SELECT count(*)::int AS rows, count(DISTINCT request_id)::int AS distinct
       FROM audit_events WHERE type = 'LOOKUP' AND user_agent = ANY($1)`,
    [[userAgent("A"), userAgent("B")]],
  );
  const [changeRows] = await database.query<{ intents: number; outcomes: number }>(
    `SELECT count(*) FILTER (WHERE type = 'CHANGE_INTENT')::int AS intents,
            count(*) FILTER (WHERE type = 'CHANGE_OUTCOME')::int AS outcomes
       FROM audit_events WHERE user_agent = $1`,
    [userAgent("change")],
  );
  const [seq] = await database.query<{ rows: string; distinct: string; last: string }>(
    "SELECT count(*)::text AS rows, count(DISTINCT seq)::text AS distinct, max(seq)::text AS last FROM audit_events",
  );
  const verify = await new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      process.execPath,
      [TSX_CLI, "--conditions=react-server", "scripts/audit-verify.ts"],
      {
        env: { ...process.env, DATABASE_URL: database.appUrl, DATABASE_OWNER_URL: "", AUDIT_HMAC_KEY: auditKey },
        timeout: 600_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
  return {
    lookups,
    auditRows: rows!.rows,
    duplicated: rows!.rows - rows!.distinct,
    // Requests still in flight when the load stopped may be recorded without their answer being counted.
    lost: Math.max(0, lookups - rows!.distinct),
    intents: changeRows!.intents,
    outcomes: changeRows!.outcomes,
    seqGapless: seq!.rows === seq!.distinct && seq!.rows === seq!.last,
    chainVerified: verify.code === 0 && /Audit chain intact/.test(verify.output),
    verifyOutput: verify.output.trim().split("\n")[0] ?? "",
  };
}
