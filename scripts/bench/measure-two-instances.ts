import { execFile } from "node:child_process";
import path from "node:path";
import { cpuMeter, cpuSeconds, postgresCpuSeconds } from "./cpu";
import { runLoad, type LoadFigures } from "./load";
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
  log: (line: string) => void;
}): Promise<TwoInstanceFigures> {
  const { a, b, simulatorPid, database, cookie, serial, changed, seconds, log } = options;
  const userAgent = (name: string) => `tokendesk-bench two-instances ${name}`;
  const spec = (app: AppInstance, name: string, prefix: string) => ({
    ...appLookupSpec(app, cookie, serial, userAgent(name)),
    connections: 20,
    seconds,
    requestIdPrefix: prefix,
  });

  const meter = () =>
    cpuMeter({
      A: () => cpuSeconds(a.pid),
      B: () => cpuSeconds(b.pid),
      postgres: () => postgresCpuSeconds(database.clusterDir),
      simulator: () => cpuSeconds(simulatorPid),
      "load generator": () => process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
    });
  const cores = (used: Record<string, number>, wallSeconds: number) =>
    Object.fromEntries(Object.entries(used).map(([name, ms]) => [name, ms / 1000 / wallSeconds]));

  const aloneRun = () => runLoad(spec(a, "alone", "alone-"));
  let started = performance.now();
  let metered = meter();
  const alone = await (a.profile ? a.profile("one-instance", aloneRun) : aloneRun());
  const coresOne = cores(metered.read(), (performance.now() - started) / 1000);
  log(`  one instance: ${describe(alone)}; cores busy: ${describeCores(coresOne)}`);

  // Changes from both instances while both are loaded: each instance toggles tokens of its own.
  let stop = false;
  const actionId = changeActionId();
  const changes = { ok: 0, refused: 0 };
  const toggle = async (app: AppInstance, token: { serial: string; userId: string }) => {
    const enabled: Snapshot = { tokenStatus: "Enabled", tokenState: "Activated", userId: token.userId };
    const disabled: Snapshot = { ...enabled, tokenStatus: "Disabled" };
    let state: "enabled" | "disabled" = "enabled";
    while (!stop) {
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
  const half = Math.ceil(changed.length / 2);
  const changing = changed.map((token, i) => toggle(i < half ? a : b, token));
  const load = (app: AppInstance, name: string, prefix: string) => {
    const run = () => runLoad(spec(app, name, prefix));
    return app.profile ? app.profile("two-instances", run) : run();
  };
  started = performance.now();
  metered = meter();
  const [onA, onB] = await Promise.all([load(a, "A", "a-"), load(b, "B", "b-")]);
  const coresTwo = cores(metered.read(), (performance.now() - started) / 1000);
  stop = true;
  await Promise.all(changing);
  log(`  instance A: ${describe(onA)}`);
  log(`  instance B: ${describe(onB)}`);
  log(`  changes meanwhile: ${changes.ok} done, ${changes.refused} refused; cores busy: ${describeCores(coresTwo)}`);

  const figures = await checkTrail(database, [onA, onB], userAgent, options.auditKey);
  const two = onA.perSecond + onB.perSecond;
  const result = {
    one: alone.perSecond,
    two,
    ratio: two / alone.perSecond,
    coresOne,
    coresTwo,
    changes: changes.ok,
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
