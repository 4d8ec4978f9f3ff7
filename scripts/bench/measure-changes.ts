import { readFileSync } from "node:fs";
import path from "node:path";
import { summarize } from "./load";
import { BROWSER_HEADERS } from "./measure-lookups";
import { BUILD, type AppInstance, type BenchSimulator } from "./stack";

/**
 * Disable then enable one token through tokendesk's server action (the
 * desk's confirm dialog: door, lock, re-read from RSA, INTENT, the change,
 * OUTCOME, unlock) against the RSA calls that change makes, sent straight to
 * the simulator: the re-read and the change itself.
 */

type ActionOutcome = { ok: true } | { ok: false; code: string; message: string };

/** The id of changeTokenAction in this build (fixed at build time, the same on every instance). */
export function changeActionId(): string {
  const manifest = JSON.parse(
    readFileSync(path.join(BUILD.distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName: string }> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "changeTokenAction");
  if (!found) throw new Error("changeTokenAction is not in the build");
  return found[0];
}

/** A server action's answer is a React flight stream; its result is the row holding an object with `ok`. */
function actionResult(body: string): ActionOutcome {
  for (const line of body.split("\n")) {
    try {
      const value = JSON.parse(line.slice(line.indexOf(":") + 1)) as unknown;
      if (value && typeof value === "object" && "ok" in value) return value as ActionOutcome;
    } catch {
      // not a JSON row
    }
  }
  throw new Error(`no action result in: ${body.slice(0, 300)}`);
}

export interface Snapshot {
  tokenStatus: string;
  tokenState: string;
  userId: string | null;
}

/** Changes a token through the app as the desk's dialog does; throws unless the change succeeded. */
export async function changeThroughApp(
  app: AppInstance,
  cookie: string,
  actionId: string,
  serial: string,
  action: "enable" | "disable",
  expected: Snapshot,
  userAgent: string,
): Promise<ActionOutcome> {
  const response = await fetch(`${app.url}/tokens/${serial}`, {
    method: "POST",
    headers: {
      ...BROWSER_HEADERS,
      accept: "text/x-component",
      cookie,
      "user-agent": userAgent,
      "next-action": actionId,
      "content-type": "text/plain;charset=UTF-8",
      origin: app.url,
    },
    body: JSON.stringify([{ serial, tokenType: "SID700", action, expected, ticket: "INC-BENCH-1", reason: "lost" }]),
  });
  if (response.status !== 200) throw new Error(`${action} ${serial}: HTTP ${response.status}`);
  return actionResult(await response.text());
}

/** The same RSA calls sent straight to the simulator: the fresh read, then the change. */
async function changeStraight(simulator: BenchSimulator, bearer: string, serial: string, userId: string, verb: string) {
  const headers = { accept: "application/json", authorization: `Bearer ${bearer}`, "content-type": "application/json" };
  const body = JSON.stringify({ tokenSerialNumber: serial });
  const base = `${simulator.url}/AdminInterface/restapi/v1`;
  const read = await fetch(`${base}/sidTokens/lookup?bench=bare`, { method: "POST", headers, body });
  await read.text();
  const change = await fetch(`${base}/users/${encodeURIComponent(userId)}/sidTokens/${verb}?bench=bare`, {
    method: "PATCH",
    headers,
    body,
  });
  await change.text();
  if (!read.ok || !change.ok) throw new Error(`straight ${verb}: ${read.status} / ${change.status}`);
}

export interface ChangeFigures {
  changes: number;
  rsaCallsPerChange: number;
  app: { p50: number; p95: number; mean: number };
  bare: { p50: number; p95: number; mean: number };
  addedP50: number;
  addedP95: number;
}

export async function measureChanges(options: {
  app: AppInstance;
  simulator: BenchSimulator;
  cookie: string;
  bearer: string;
  serial: string;
  userId: string;
  pairs: number;
  log: (line: string) => void;
}): Promise<ChangeFigures> {
  const { app, simulator, cookie, bearer, serial, userId, pairs, log } = options;
  const actionId = changeActionId();
  const enabled: Snapshot = { tokenStatus: "Enabled", tokenState: "Activated", userId };
  const disabled: Snapshot = { ...enabled, tokenStatus: "Disabled" };

  const throughApp = async (times: number[] | null) => {
    for (const [action, expected] of [
      ["disable", enabled],
      ["enable", disabled],
    ] as const) {
      const started = performance.now();
      const result = await changeThroughApp(app, cookie, actionId, serial, action, expected, "tokendesk-bench changes");
      times?.push(performance.now() - started);
      if (!result.ok) throw new Error(`${action} ${serial} through tokendesk: ${result.code} ${result.message}`);
    }
  };
  const straight = async (times: number[] | null) => {
    for (const verb of ["disable", "enable"]) {
      const started = performance.now();
      await changeStraight(simulator, bearer, serial, userId, verb);
      times?.push(performance.now() - started);
    }
  };

  for (let i = 0; i < 5; i++) {
    await throughApp(null);
    await straight(null);
  }
  // A pair through tokendesk, then the same calls straight, in turns: the machine's other load falls on both alike.
  const before = await simulator.counts();
  const appTimes: number[] = [];
  const bareTimes: number[] = [];
  let bareCalls = 0;
  const measure = async () => {
    for (let i = 0; i < pairs; i++) {
      await throughApp(appTimes);
      await straight(bareTimes);
      bareCalls += 4;
    }
  };
  await (app.profile ? app.profile("changes", measure) : measure());
  const rsaCallsPerChange = ((await simulator.counts()).adminRequests - before.adminRequests - bareCalls) / (pairs * 2);

  const appFigures = summarize(appTimes);
  const bareFigures = summarize(bareTimes);
  const figures = {
    changes: appTimes.length,
    rsaCallsPerChange,
    app: { p50: appFigures.p50, p95: appFigures.p95, mean: appFigures.mean },
    bare: { p50: bareFigures.p50, p95: bareFigures.p95, mean: bareFigures.mean },
    addedP50: appFigures.p50 - bareFigures.p50,
    addedP95: appFigures.p95 - bareFigures.p95,
  };
  log(
    `  ${figures.changes} changes (${rsaCallsPerChange} RSA calls each): through tokendesk p50 ${appFigures.p50.toFixed(2)} ms, p95 ${appFigures.p95.toFixed(2)} ms; its RSA calls alone p50 ${bareFigures.p50.toFixed(2)} ms, p95 ${bareFigures.p95.toFixed(2)} ms`,
  );
  return figures;
}
