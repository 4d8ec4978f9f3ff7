import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { freePort } from "../lib/test-support/free-port";
import { SEED_EXAMPLES, startSimulator, type RunningSimulator } from "../simulator/index";
import { BUILD_DIR } from "./support/environment";
import { startOwnInstance, type OwnInstance } from "./support/own-instance";
import { startSharedPostgres } from "./support/shared-postgres";

/**
 * Two tokendesk instances behind an imaginary load balancer: two `npm start`s
 * with real RSA credentials (the test's own simulator) against one PostgreSQL,
 * with the same secrets. Everything that must hold across instances is shared
 * through the database: sessions, the sign-in throttle, change locks, the
 * reconciler's claims and the audit chain. Each `expect` below is one of those.
 */

const TSX_CLI = path.resolve("node_modules", "tsx", "dist", "cli.mjs");
const SPARES = SEED_EXAMPLES.assignedEnabledSpares;
/** Raced from both instances at once (the concurrent-change check). */
const RACED = SPARES[0];
/** Changed from both instances at once during the load. */
const UNDER_LOAD = SPARES.slice(1, 7);
/** Its change hangs in RSA after being applied, so its OUTCOME is UNKNOWN. */
const HANGING = SPARES[8];
/** Looked up again and again during the load. */
const LOOKED_UP = [SEED_EXAMPLES.assignedEnabledSpares[9], ...SEED_EXAMPLES.unassignedSpares];

const AGENT = { email: "agent.multi@example.com", password: "multi-instance-agent-pw" };
const GUESSED = { email: "guessed.multi@example.com", password: "multi-instance-guessed-pw" };

test.describe.configure({ timeout: 150_000 });

test("two instances on one database share sessions, the throttle, change locks, the reconciler and one audit chain", async () => {
  expect(existsSync(`${BUILD_DIR}/BUILD_ID`), "needs the production build (npm run build)").toBe(true);
  const started = Date.now();
  const stops: (() => Promise<unknown>)[] = [];
  const contexts: APIRequestContext[] = [];
  const simulatorLog: string[] = [];
  try {
    const keyDir = await mkdtemp(path.join(tmpdir(), "tokendesk-e2e-multi-keys-"));
    stops.push(() => rm(keyDir, { recursive: true, force: true }));
    // Started together; whatever started is stopped in the `finally`, even when the other failed.
    const [pgStart, simulatorStart] = await Promise.allSettled([
      startSharedPostgres(),
      startSimulator({ port: 0, keyDir, log: (line) => simulatorLog.push(line) }),
    ]);
    if (pgStart.status === "fulfilled") stops.push(pgStart.value.stop);
    if (simulatorStart.status === "fulfilled") stops.push(simulatorStart.value.close);
    if (pgStart.status === "rejected") throw pgStart.reason;
    if (simulatorStart.status === "rejected") throw simulatorStart.reason;
    const database = pgStart.value;
    const simulator = simulatorStart.value;

    // What must be identical on every instance (README, "Several instances").
    const ports = { a: await freePort(), b: await freePort() };
    const shared: Record<string, string> = {
      DATABASE_OWNER_URL: database.ownerUrl,
      DATABASE_URL: database.appUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      AUDIT_HMAC_KEY: randomBytes(32).toString("hex"),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      RSA_ADMIN_KEY_FILE: simulator.legacyKeyFile,
      NEXTAUTH_URL: `http://localhost:${ports.a}`,
      HOST: "127.0.0.1",
      // A change whose answer hangs becomes UNKNOWN quickly, and the reconciler settles it within seconds.
      RSA_TIMEOUT_MS: "4000",
      RSA_TOTAL_TIMEOUT_MS: "8000",
      // Longer than the hanging change takes (RSA_TIMEOUT_MS), so it is settled after its UNKNOWN, never mid-flight.
      AUDIT_RECONCILE_AFTER_SECONDS: "5",
      AUDIT_RECONCILE_EVERY_SECONDS: "1",
    };
    // Both start at once, each migrating and granting as the owner: concurrent starts must be safe.
    const starts = await Promise.allSettled(
      [ports.a, ports.b].map((port) => startOwnInstance({ port, env: shared, timeoutMs: 90_000 })),
    );
    for (const start of starts) if (start.status === "fulfilled") stops.push(start.value.stop);
    const [a, b] = starts.map((start) => {
      if (start.status === "rejected") throw start.reason;
      return start.value;
    }) as [OwnInstance, OwnInstance];
    const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
    console.log(`both instances serving after ${seconds()} s`);

    // Real credentials mode: no demo accounts; users come from the user command, against the shared database.
    const commandEnv = { DATABASE_URL: database.appUrl, AUDIT_HMAC_KEY: shared.AUDIT_HMAC_KEY! };
    await Promise.all([
      userCommand(
        ["add", "--email", AGENT.email, "--name", "Multi Agent", "--role", "agent"],
        AGENT.password,
        commandEnv,
      ),
      userCommand(
        ["add", "--email", GUESSED.email, "--name", "Guessed", "--role", "agent"],
        GUESSED.password,
        commandEnv,
      ),
    ]);

    await test.step("a session cookie from A works on B, and signing out on A ends it on B", async () => {
      const onA = await signIn(a.url, AGENT);
      contexts.push(onA.context);
      const onB = await request.newContext({ baseURL: b.url, extraHTTPHeaders: { Cookie: onA.cookie } });
      contexts.push(onB);
      expect(((await (await onB.get("/api/auth/session")).json()) as { user?: { email: string } }).user?.email).toBe(
        AGENT.email,
      );
      expect((await onB.get(`/api/tokens/${LOOKED_UP[0]}`)).status()).toBe(200);

      const { csrfToken } = (await (await onA.context.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const signOut = await onA.context.post("/api/auth/signout", { form: { csrfToken, json: "true" } });
      expect(signOut.status()).toBeLessThan(400);
      expect(((await (await onB.get("/api/auth/session")).json()) as { user?: unknown }).user).toBeUndefined();
      expect((await onB.get(`/api/tokens/${LOOKED_UP[0]}`)).status()).toBe(401);
    });

    await test.step("wrong passwords on A and on B count together: the sixth attempt is refused on either", async () => {
      const wrong = { email: GUESSED.email, password: "not-the-password-at-all" };
      for (const instance of [a, b, a, b, a]) expect(await signInError(instance.url, wrong)).toBe("CredentialsSignin");
      // Even the right password is not checked any more, on either instance.
      expect(await signInError(b.url, GUESSED)).toBe("THROTTLED");
      expect(await signInError(a.url, GUESSED)).toBe("THROTTLED");
      const [row] = await database.query<{ attempts: number }>("SELECT attempts FROM sign_in_attempts WHERE key = $1", [
        `email:${GUESSED.email}`,
      ]);
      expect(row?.attempts).toBe(7);
    });

    const agent = await signIn(a.url, AGENT);
    contexts.push(agent.context);
    const clients = {
      a: await client(a, agent.cookie),
      b: await client(b, agent.cookie),
    };
    contexts.push(clients.a.context, clients.b.context);

    await test.step("the same token disabled from A and B at the same moment: one change reaches RSA", async () => {
      const expected = await clients.a.snapshot(RACED);
      expect(expected.tokenStatus).toBe("Enabled");
      // RSA takes its time over the change: without a lock both instances share, the other instance's
      // fresh read (still "Enabled") would let a second change through meanwhile.
      simulator.setFault({ serial: RACED, kind: "latency", latencyMs: 1500, operations: ["change"] });
      const changesBefore = disableCalls(simulatorLog, simulator, [RACED]);
      const requestsBefore = await simulatorRequests(simulator.url);
      const results = await Promise.all([clients.a.disable(RACED, expected), clients.b.disable(RACED, expected)]);
      const codes = results.map((r) => (r.ok ? "OK" : r.code)).sort();
      const requests = (await simulatorRequests(simulator.url)) - requestsBefore;
      console.log(`raced disable: ${codes.join(" + ")}; ${requests} requests reached the simulator`);
      expect(codes.filter((c) => c === "OK")).toHaveLength(1);
      expect(["BUSY", "STATE_CHANGED"]).toContain(codes.find((c) => c !== "OK"));
      expect(disableCalls(simulatorLog, simulator, [RACED]) - changesBefore).toBe(1);
      // The winner's read and change, and at most the loser's read (when it came after the lock was free).
      expect(requests).toBeGreaterThanOrEqual(2);
      expect(requests).toBeLessThanOrEqual(3);
      expect(simulator.model.sidToken(RACED)?.tokenStatus).toBe("Disabled");
      const rows = await database.query<{ type: string; outcome: string | null }>(
        "SELECT type::text, outcome FROM audit_events WHERE serial = $1 AND type::text LIKE 'CHANGE_%' ORDER BY seq",
        [RACED],
      );
      expect(rows.filter((r) => r.type === "CHANGE_INTENT")).toHaveLength(1);
      expect(rows.filter((r) => r.type === "CHANGE_OUTCOME").map((r) => r.outcome)).toEqual(["SUCCESS"]);
      expect(rows.filter((r) => r.type === "CHANGE_REFUSED")).toHaveLength(1);
    });

    // The hanging change is started now and settles in the background while the load runs.
    let hangingIntent = "";
    const hanging = (async () => {
      const expected = await clients.b.snapshot(HANGING);
      // Slow lookups of this token (two reconcile intervals, well within RSA_TIMEOUT_MS): a reconciler that
      // claimed the change is still reading RSA when the other instance's finds it unsettled and tries to claim it.
      simulator.setFault({ serial: HANGING, kind: "latency", latencyMs: 2000, operations: ["lookup"] });
      simulator.setFault({ serial: HANGING, kind: "hang", phase: "after-apply", operations: ["change"], times: 1 });
      const result = await clients.b.disable(HANGING, expected);
      expect(result.ok).toBe(false);
      const [intent] = await database.query<{ id: string; outcome: string }>(
        `SELECT i.id::text, o.outcome FROM audit_events i
           JOIN audit_events o ON o.type = 'CHANGE_OUTCOME' AND o.intent_id = i.id
          WHERE i.type = 'CHANGE_INTENT' AND i.serial = $1`,
        [HANGING],
      );
      expect(intent?.outcome).toBe("UNKNOWN");
      hangingIntent = intent!.id;
    })();
    hanging.catch(() => {}); // awaited (and so reported) in its own step below

    await test.step("many lookups and changes from both instances at once", async () => {
      const changesBefore = disableCalls(simulatorLog, simulator, UNDER_LOAD);
      const lookups = Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? clients.a : clients.b).lookup(LOOKED_UP[i % LOOKED_UP.length]!),
      );
      const changes = UNDER_LOAD.map(async (serial) => {
        simulator.setFault({ serial, kind: "latency", latencyMs: 300, operations: ["change"] });
        const expected = await clients.a.snapshot(serial);
        return Promise.all([clients.a.disable(serial, expected), clients.b.disable(serial, expected)]);
      });
      const [lookupStatuses, changeResults] = await Promise.all([Promise.all(lookups), Promise.all(changes)]);
      expect(lookupStatuses.every((status) => status === 200)).toBe(true);
      for (const pair of changeResults) expect(pair.filter((r) => r.ok)).toHaveLength(1);
      const refusals = changeResults.flat().flatMap((r) => (r.ok ? [] : [r.code]));
      for (const code of refusals) expect(["BUSY", "STATE_CHANGED"]).toContain(code);
      console.log(`under load: ${lookups.length} lookups, ${UNDER_LOAD.length} tokens raced (${refusals.join(", ")})`);
      expect(disableCalls(simulatorLog, simulator, UNDER_LOAD) - changesBefore).toBe(UNDER_LOAD.length);
      const [intents] = await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_events WHERE type = 'CHANGE_INTENT' AND serial = ANY($1)",
        [UNDER_LOAD],
      );
      expect(intents?.n).toBe(UNDER_LOAD.length);
      const [outcomes] = await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_events WHERE type = 'CHANGE_OUTCOME' AND outcome = 'SUCCESS' AND serial = ANY($1)",
        [UNDER_LOAD],
      );
      expect(outcomes?.n).toBe(UNDER_LOAD.length);
    });

    await test.step("an UNKNOWN outcome is settled by exactly one RESOLUTION although both instances reconcile", async () => {
      await hanging;
      await expect
        .poll(
          async () =>
            (
              await database.query<{ outcome: string; before: string }>(
                "SELECT outcome, details->>'outcomeBefore' AS before FROM audit_events WHERE type = 'CHANGE_RESOLUTION' AND intent_id = $1",
                [hangingIntent],
              )
            ).map((r) => `${r.before} → ${r.outcome}`),
          { timeout: 25_000 },
        )
        .toEqual(["UNKNOWN → APPLIED"]);
      // Both reconcilers found it unsettled: one claimed and settled it, the other's claim was refused
      // while the first was still reading RSA (each instance logs every pass that examined something).
      await expect
        .poll(() => {
          const settledBy = [a, b].filter((i) => reconcileReports(i).some((r) => r.resolved.includes(hangingIntent)));
          const other = settledBy.length === 1 ? (settledBy[0] === a ? b : a) : undefined;
          return {
            settledBy: settledBy.length,
            otherLookedAndLeftIt: other
              ? reconcileReports(other).some((r) => r.examined > 0 && r.resolved.length === 0)
              : false,
          };
        })
        .toEqual({ settledBy: 1, otherLookedAndLeftIt: true });
      console.log(`the UNKNOWN outcome was settled by one instance, the other's claim refused (${seconds()} s)`);
      // Two more passes of each instance add nothing.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const [resolutions] = await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_events WHERE type = 'CHANGE_RESOLUTION' AND intent_id = $1",
        [hangingIntent],
      );
      expect(resolutions?.n).toBe(1);
      simulator.clearFaults();
    });

    await test.step("npm run audit:verify passes and seq has no gap and no duplicate", async () => {
      const verify = await runScript("scripts/audit-verify.ts", [], commandEnv);
      expect(verify.code, verify.output).toBe(0);
      expect(verify.output).toMatch(/Audit chain intact: \d+ rows checked/);
      const [seq] = await database.query<{ rows: number; distinct: number; first: string; last: string }>(
        "SELECT count(*)::int AS rows, count(DISTINCT seq)::int AS distinct, min(seq)::text AS first, max(seq)::text AS last FROM audit_events",
      );
      expect(seq).toMatchObject({ first: "1", last: String(seq!.rows), distinct: seq!.rows });
      console.log(`${verify.output.trim().split("\n")[0]} (${seconds()} s in all)`);
    });
  } finally {
    for (const context of contexts) await context.dispose().catch(() => {});
    // Instances before the database and the simulator they use; each stop is tried whatever the others do.
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(error));
  }
});

/** Signs in on one instance through next-auth's credentials flow, as the sign-in form does. */
async function signIn(baseURL: string, credentials: { email: string; password: string }) {
  const context = await request.newContext({ baseURL });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: credentials.email, password: credentials.password, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${credentials.email}`).toBeLessThan(400);
  const session = (await context.storageState()).cookies.find((c) => c.name === "next-auth.session-token");
  expect(session, `a session cookie for ${credentials.email}`).toBeDefined();
  return { context, cookie: `next-auth.session-token=${session!.value}` };
}

/** The error a sign-in attempt ends with (next-auth's redirect names it), or "" when it succeeded. */
async function signInError(baseURL: string, credentials: { email: string; password: string }): Promise<string> {
  const context = await request.newContext({ baseURL });
  try {
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await context.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: credentials.email, password: credentials.password, json: "true" },
      maxRedirects: 0,
    });
    const target = response.headers().location ?? ((await response.json()) as { url?: string }).url ?? "";
    return new URL(target, baseURL).searchParams.get("error") ?? "";
  } finally {
    await context.dispose();
  }
}

type ActionOutcome = { ok: true } | { ok: false; code: string; message: string };

/** A signed-in client of one instance: lookups over the JSON route, changes through the server action. */
async function client(instance: OwnInstance, cookie: string) {
  const context = await request.newContext({ baseURL: instance.url, extraHTTPHeaders: { Cookie: cookie } });
  const actionId = changeActionId();
  return {
    context,
    async lookup(serial: string): Promise<number> {
      return (await context.get(`/api/tokens/${serial}`)).status();
    },
    async snapshot(serial: string) {
      const response = await context.get(`/api/tokens/${serial}`);
      expect(response.status()).toBe(200);
      const body = (await response.json()) as {
        data: { token: { tokenStatus: string; tokenState: string; userId: string | null } };
      };
      const { tokenStatus, tokenState, userId } = body.data.token;
      return { tokenStatus, tokenState, userId };
    },
    async disable(serial: string, expected: Record<string, unknown>): Promise<ActionOutcome> {
      const response = await context.post(`/tokens/${serial}`, {
        headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Origin: instance.url },
        data: JSON.stringify([
          { serial, tokenType: "SID700", action: "disable", expected, ticket: "INC-MULTI-1", reason: "lost" },
        ]),
        maxRedirects: 0,
      });
      expect(response.status(), `disable ${serial} on ${instance.url}`).toBe(200);
      return actionResult(await response.text());
    },
  };
}

/** The id of changeTokenAction in this build (ids are fixed when building, the same for every instance). */
function changeActionId(): string {
  const manifest = JSON.parse(readFileSync(`${BUILD_DIR}/server/server-reference-manifest.json`, "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "changeTokenAction");
  if (!found) throw new Error("changeTokenAction is not in the build");
  return found[0];
}

/** A server action's answer is a React flight stream; its result is the row holding an object with `ok`. */
function actionResult(body: string): ActionOutcome {
  for (const line of body.split("\n")) {
    const json = line.slice(line.indexOf(":") + 1);
    try {
      const value = JSON.parse(json) as unknown;
      if (value && typeof value === "object" && "ok" in value) return value as ActionOutcome;
    } catch {
      // not a JSON row
    }
  }
  throw new Error(`no action result in: ${body.slice(0, 500)}`);
}

/** The reconciler's passes that examined something, from an instance's log (one JSON line each). */
function reconcileReports(instance: OwnInstance): { examined: number; resolved: string[] }[] {
  return instance
    .output()
    .split("\n")
    .filter((line) => line.includes('"reconciled unsettled audit intents"'))
    .map((line) => {
      const { report } = JSON.parse(line.slice(line.indexOf("{"))) as {
        report: { examined: number; resolved: { intentId: string }[] };
      };
      return { examined: report.examined, resolved: report.resolved.map((r) => r.intentId) };
    });
}

/** Admin API requests the simulator has answered, as its control endpoint counts them. */
async function simulatorRequests(simulatorUrl: string): Promise<number> {
  return ((await (await fetch(`${simulatorUrl}/__simulator/health`)).json()) as { requests: number }).requests;
}

/** How many disable calls for these tokens the simulator has answered (its log has a line per answer, by owner). */
function disableCalls(log: string[], simulator: RunningSimulator, serials: readonly string[]): number {
  const paths = serials.map((serial) => `/users/${simulator.model.sidToken(serial)!.userId}/sidTokens/disable `);
  return log.filter((line) => line.startsWith("PATCH ") && paths.some((p) => line.includes(p))).length;
}

function userCommand(args: string[], password: string, env: Record<string, string>) {
  return runScript("scripts/user.ts", args, env, password).then((result) => {
    expect(result.code, result.output).toBe(0);
  });
}

/** Runs one of the npm commands (tsx with the react-server condition, as package.json does). */
function runScript(
  script: string,
  args: string[],
  env: Record<string, string>,
  input = "",
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [TSX_CLI, "--conditions=react-server", script, ...args],
      { env: { ...process.env, DATABASE_OWNER_URL: "", ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: stdout + stderr }),
    );
    child.stdin?.end(input);
  });
}
