// npm run bench — what tokendesk adds to an RSA tenant, measured against the
// bare simulator in the same run (issue 13). Starts the production build
// (.next-bench), PostgreSQL, the simulator and tokendesk's web server, runs
// each measurement, prints a table and writes bench/results/<date>.json.
// Not part of `npm test`: figures, not assertions. README: Performance.
//
//   npm run bench [-- --seconds 12] [--trials 3] [--only lookups,changes,...] [--audit-rows 1000000,10000000]
//                 [--rebuild] [--profile] [--out bench/results/x.json]
import { randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { NO_REQUEST } from "../../lib/audit/events";
import { env, resetEnvCache } from "../../lib/env";
import { loadRsaConfig, type OAuthCredential } from "../../lib/rsa/config";
import { fetchOAuthToken } from "../../lib/rsa/oauth-token";
import { SEED_EXAMPLES } from "../../simulator/seed-examples";
import { measureAudit } from "./measure-audit";
import { measureChanges } from "./measure-changes";
import { measureFirstLoad } from "./measure-first-load";
import { measureLookups } from "./measure-lookups";
import { measureStart } from "./measure-start";
import { measureTwoInstances } from "./measure-two-instances";
import { printTable, type Results } from "./report";
import {
  BUILD,
  ensureBuild,
  signIn,
  startApp,
  startBenchPostgres,
  startBenchSimulator,
  chooseProfilingBuild,
  type AppInstance,
  type BenchSimulator,
  type SimulatorCounts,
} from "./stack";

const MEASURES = ["lookups", "changes", "credentials", "two-instances", "first-load", "start", "audit"] as const;
type Measure = (typeof MEASURES)[number];

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "12" },
    trials: { type: "string", default: "3" },
    only: { type: "string" },
    "audit-rows": { type: "string", default: "1000000,10000000" },
    rebuild: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    out: { type: "string" },
  },
});
const seconds = Number(values.seconds);
const trials = Number(values.trials);
const only = new Set<Measure>(values.only ? (values.only.split(",") as Measure[]) : MEASURES);
for (const name of only)
  if (!MEASURES.includes(name)) throw new Error(`unknown measure "${name}" (${MEASURES.join(", ")})`);

// Ports and folders of the bench's own, apart from `npm start` (3000, 4010, 54329) and the e2e runs;
// PostgreSQL's below the ephemeral range (32768–60999), where an outgoing connection can hold one.
const PORTS = {
  app: 3300,
  second: 3301,
  start: 3302,
  simulator: 4300,
  startSimulator: 4302,
  pg: 25400,
  startPg: 25402,
};
const AUDIT_PG_PORT = 25404;
const DATA_DIR = path.resolve(".data-bench");
const AGENT = { email: "bench.agent@example.com", password: "bench-agent-password-1" };
const LOOKED_UP = SEED_EXAMPLES.assignedEnabledActivated;
const [CHANGED, ...CHANGED_BY_TWO] = SEED_EXAMPLES.assignedEnabledSpares.slice(0, 7) as [string, ...string[]];

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  if (values.profile) chooseProfilingBuild();
  const results: Results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? "",
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: os.loadavg()[0]!,
    },
    seconds,
    build: BUILD.distDir,
  };
  const buildSeconds = await ensureBuild(values.rebuild!, log);
  if (buildSeconds !== null) results.buildSeconds = buildSeconds;
  await rm(DATA_DIR, { recursive: true, force: true });
  await mkdir(DATA_DIR, { recursive: true });

  if (["lookups", "changes", "credentials", "two-instances", "first-load"].some((m) => only.has(m as Measure)))
    await measureOnStack(results);
  if (only.has("start")) {
    log("\nStart: npm start with an existing build, to ready");
    results.start = {
      ...(await measureStart({
        dataDir: path.join(DATA_DIR, "start"),
        distDir: BUILD.distDir,
        ports: { web: PORTS.start, simulator: PORTS.startSimulator, pg: PORTS.startPg },
        log,
      })),
      webServerReadyMs: results.webServerReadyMs ?? NaN,
    };
  }
  if (only.has("audit")) {
    results.audit = [];
    for (const rows of values["audit-rows"]!.split(",").map(Number)) {
      log(`\nAudit trail at ${rows.toLocaleString("en")} rows: page, export, verify`);
      results.audit.push(await measureAudit({ rows, runs: 20, port: AUDIT_PG_PORT, log }));
    }
  }

  results.machine.loadAverageAtEnd = os.loadavg()[0]!;
  printTable(results, log);
  const out = values.out ?? path.join("bench", "results", `${results.date.slice(0, 10)}.json`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nFigures written to ${out}`);
}

/** Everything measured against running web servers: one PostgreSQL, one simulator, instance A (and B). */
async function measureOnStack(results: Results): Promise<void> {
  const stops: (() => Promise<unknown>)[] = [];
  try {
    log("Starting PostgreSQL and the RSA simulator…");
    const [database, simulator] = await Promise.all([
      startBenchPostgres(path.join(DATA_DIR, "pg-data"), PORTS.pg),
      startBenchSimulator(PORTS.simulator, path.join(DATA_DIR, "simulator")),
    ]);
    stops.push(database.stop, simulator.stop);

    const auditKey = randomBytes(32).toString("hex");
    const appEnv = {
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      AUDIT_HMAC_KEY: auditKey,
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      DATABASE_URL: database.appUrl,
      DATA_DIR: path.join(DATA_DIR, "app"),
      RSA_OAUTH_ISSUER: simulator.oauth.issuer,
      RSA_OAUTH_CLIENT_ID: simulator.oauth.clientId,
      RSA_OAUTH_KEY_FILE: simulator.oauth.keyFile,
      RSA_ADMIN_API_URL: simulator.adminRestApiUrl,
    };
    // This process adds the agent and asks for a bearer token of its own, with the same settings.
    Object.assign(process.env, appEnv, { LOG_LEVEL: "silent" });
    resetEnvCache();
    await addAgent();
    const initial = await simulator.counts();
    const bearer = await benchBearer(loadRsaConfig(env()).credential as OAuthCredential);

    const profileDir = values.profile ? path.resolve("bench", "profiles", stamp()) : undefined;
    if (profileDir) log(`CPU profiles of tokendesk go to ${profileDir}`);
    let starts = 0;
    const start = async (port: number) => {
      const app = await startApp({ port, env: appEnv, logFile: path.join(DATA_DIR, `app-${port}.log`), profileDir });
      starts++;
      stops.push(app.stop);
      return app;
    };
    let app: AppInstance = await start(PORTS.app);
    results.webServerReadyMs = app.readyMs;
    const cookie = await signIn(app.url, AGENT);
    log(`tokendesk serving at ${app.url} (answering ${app.readyMs.toFixed(0)} ms after its process started)`);

    if (only.has("lookups")) {
      log("\nLookup: through tokendesk vs straight to the simulator");
      results.lookups = await measureLookups({
        app,
        simulator,
        database,
        cookie,
        bearer,
        serial: LOOKED_UP,
        seconds,
        trials,
        log,
      });
    }
    if (only.has("changes")) {
      log("\nChange: disable + enable through tokendesk vs the RSA calls it makes");
      const userId = await ownerOf(simulator, CHANGED);
      results.changes = await measureChanges({
        app,
        simulator,
        cookie,
        bearer,
        serial: CHANGED,
        userId,
        pairs: 40,
        log,
      });
    }
    if (only.has("first-load")) {
      log("\nFirst-load JavaScript of the desk");
      const figures = await measureFirstLoad(app, cookie);
      if (figures) {
        results.firstLoad = figures;
        log(
          `  ${(figures.bytes / 1024).toFixed(1)} KB in ${figures.scripts} scripts; biggest: ${figures.biggest.join(", ")}`,
        );
      } else log("  skipped: no Chromium (apt-get install chromium, or CHROMIUM_PATH)");
    }
    if (only.has("credentials")) {
      log("\nCredential work: restarts with lookups in between");
      for (let i = 0; i < 2; i++) {
        await app.stop();
        app = await start(PORTS.app);
        const again = await signIn(app.url, AGENT);
        for (let n = 0; n < 500; n++)
          await (await fetch(`${app.url}/api/tokens/${LOOKED_UP}`, { headers: { cookie: again } })).arrayBuffer();
      }
    }
    if (only.has("two-instances")) {
      log("\nTwo instances on one database");
      const b = await start(PORTS.second);
      const owners = await Promise.all(
        CHANGED_BY_TWO.map(async (serial) => ({ serial, userId: await ownerOf(simulator, serial) })),
      );
      results.twoInstances = await measureTwoInstances({
        a: app,
        b,
        simulatorPid: simulator.pid,
        database,
        cookie,
        serial: LOOKED_UP,
        changed: owners,
        auditKey,
        seconds,
        trials,
        log,
      });
      await b.stop();
    }
    if (only.has("credentials")) {
      const after = await simulator.counts();
      const tokendeskCalls = (c: SimulatorCounts) => c.adminRequests - c.bareRequests;
      const rsaCalls = tokendeskCalls(after) - tokendeskCalls(initial);
      // The bench asked for one token of its own, for its straight calls.
      const tokens = after.tokensIssued - initial.tokensIssued - 1;
      results.credentials = { starts, rsaCalls, tokens, perThousandCalls: (tokens / rsaCalls) * 1000 };
      log(`\nCredential work: ${tokens} OAuth token(s) for ${rsaCalls} RSA calls over ${starts} starts of tokendesk`);
    }
  } finally {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(error));
  }
}

async function addAgent(): Promise<void> {
  const { addUser } = await import("../../lib/users/user-service");
  const { disconnectDb } = await import("../../lib/db");
  const { closePgPool } = await import("../../lib/db/pg-pool");
  await addUser(
    { email: AGENT.email, name: "Bench Agent", role: "agent", password: AGENT.password },
    { actor: { kind: "system", name: "npm run bench" }, request: NO_REQUEST },
  );
  await disconnectDb();
  await closePgPool();
}

async function benchBearer(credential: OAuthCredential): Promise<string> {
  return (await fetchOAuthToken(credential, { nowMs: Date.now(), timeoutMs: 5000, fetch })).token;
}

async function ownerOf(simulator: BenchSimulator, serial: string): Promise<string> {
  const token = (await (await fetch(`${simulator.url}/__simulator/tokens/${serial}`)).json()) as { userId: string };
  return token.userId;
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, "-");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
