import "server-only";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { describeExit, type ChildExit } from "@/lib/process/child-exit";

/** Waiting for a freshly started embedded PostgreSQL, and saying plainly why it did not come up. */

const START_TIMEOUT_MS = 60_000;
// Still starting: not listening yet, or listening but recovering.
const RETRYABLE = new Set(["ECONNREFUSED", "ECONNRESET", "57P03"]);

/** Resolves once a connection succeeds; rejects if the server ends first or answers with a real refusal. */
export async function waitUntilAccepting(url: string, exited: Promise<ChildExit>): Promise<void> {
  let ended: ChildExit | undefined;
  void exited.then((exit) => (ended = exit));
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (ended) throw new Error(`the server ${describeExit(ended)} while starting`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      const code = (error as { code?: string }).code ?? "";
      if (code === "28P01")
        throw new Error("it refused the password in the data folder's pg-password (was that file replaced?)");
      if (!RETRYABLE.has(code) && !/timeout/i.test((error as Error).message)) throw error;
      if (Date.now() > deadline) throw new Error(`it did not accept connections within ${START_TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A sentence for the usual reasons PostgreSQL stops while starting, read from its log. */
export async function explainEarlyExit(logFile: string, port: number, clusterDir: string): Promise<string | undefined> {
  const text = await readFile(logFile, "utf8").catch(() => "");
  if (/could not bind|Address already in use/i.test(text))
    return `Port ${port} is already in use, so the embedded PostgreSQL cannot start: stop what uses it or set EMBEDDED_PG_PORT to another port.`;
  if (/lock file .* already exists/i.test(text))
    return `Another PostgreSQL is already running on ${clusterDir}: is another tokendesk using this data folder?`;
  if (/Permission denied/i.test(text))
    return `The embedded PostgreSQL may not read its files in ${clusterDir} (permission denied); see ${logFile}.`;
  if (/database files are incompatible with server/i.test(text))
    return `The database in ${clusterDir} was made by another PostgreSQL version than the one installed; see ${logFile}.`;
  return undefined;
}
