// npm run bench:audit [-- --rows 1000000] — the audit trail at size: page latency per
// filter (first and deep page, database time p50/p95), CSV export rate and peak memory,
// and full-chain verification time. Prints figures; asserts nothing.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { migrate } from "../../lib/db/migrations";
import { resetEnvCache } from "../../lib/env";
import { seedAuditRows } from "./seed-audit-rows";

const { values } = parseArgs({
  options: { rows: { type: "string", default: "1000000" }, runs: { type: "string", default: "20" } },
});
const total = Number(values.rows);
const runs = Number(values.runs);
const log = (line: string) => console.log(line);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), "tokendesk-bench-"));
  const server = await startEmbeddedPostgres({
    dataDir,
    port: 54500 + Math.floor(Math.random() * 400),
    database: "bench",
  });
  try {
    await migrate(server.url);
    process.env.DATABASE_URL = server.url;
    process.env.AUDIT_HMAC_KEY = randomBytes(32).toString("hex");
    process.env.LOG_LEVEL = "silent";
    resetEnvCache();
    const key = Buffer.from(process.env.AUDIT_HMAC_KEY, "utf8");

    log(`Seeding ${total.toLocaleString()} chained audit rows…`);
    let t = Date.now();
    const sample = await seedAuditRows(server.url, key, total, log);
    log(`Seeded in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);

    const { historySql } = await import("../../lib/audit/history-sql");
    const { parseHistoryFilters } = await import("../../lib/audit/history-filters");
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const deepRow = (
      await client.query("SELECT occurred_at, seq FROM audit_events WHERE seq = $1", [
        Math.max(1, Math.floor(total * 0.05)),
      ])
    ).rows[0];
    const deep = { at: deepRow.occurred_at as Date, seq: BigInt(deepRow.seq) };
    const filters: [string, Record<string, string>][] = [
      ["no filter (all time)", { range: "all" }],
      ["last 7 days", { range: "7d" }],
      ["last hour", { range: "1h" }],
      ["agent", { range: "all", agent: sample.agents[3]! }],
      ["serial", { range: "all", serial: sample.serials[42]! }],
      ["ticket", { range: "all", ticket: sample.tickets[777]! }],
      ["RSA user id", { range: "all", rsaUser: "user-1234" }],
      ["action = changes", { range: "all", action: "changes" }],
      ["action = lookups", { range: "all", action: "lookup" }],
      ["outcome = failed", { range: "all", outcome: "failure" }],
      ["agent + changes", { range: "all", agent: sample.agents[5]!, action: "changes" }],
    ];
    log("Page of 50 — database execution time over " + runs + " runs (EXPLAIN ANALYZE):");
    log(
      `${"filter".padEnd(24)} ${"first p50".padStart(10)} ${"first p95".padStart(10)} ${"deep p50".padStart(10)} ${"deep p95".padStart(10)}`,
    );
    for (const [name, params] of filters) {
      const figures: string[] = [];
      for (const after of [null, deep]) {
        const sql = historySql(parseHistoryFilters(params), after, 51);
        const args = sql.values.map((v) => (typeof v === "bigint" ? v.toString() : v));
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          const plan = (await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`, args)).rows[0][
            "QUERY PLAN"
          ][0];
          times.push(plan["Execution Time"] + plan["Planning Time"]);
        }
        times.sort((a, b) => a - b);
        figures.push(
          `${percentile(times, 50).toFixed(2)} ms`.padStart(10),
          `${percentile(times, 95).toFixed(2)} ms`.padStart(10),
        );
      }
      log(`${name.padEnd(24)} ${figures.join(" ")}`);
    }
    await client.end();

    log("\nCSV export of every row (streamed batches → CSV → /dev/null):");
    const { historyBatches } = await import("../../lib/audit/history-query");
    const { csvHeader, csvRows } = await import("../../lib/audit/export-format");
    const sink = new Writable({ write: (_chunk, _enc, done) => done() });
    // Seeding ran in this process too: report where the export started from, so growth is visible.
    const startRss = process.memoryUsage().rss;
    let peak = startRss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    t = Date.now();
    let exported = 0;
    sink.write(csvHeader());
    for await (const batch of historyBatches(parseHistoryFilters({ range: "all" }), 5000)) {
      exported += batch.length;
      if (!sink.write(csvRows(batch))) await new Promise((r) => sink.once("drain", r));
    }
    clearInterval(sampler);
    const seconds = (Date.now() - t) / 1000;
    log(
      `  ${exported.toLocaleString()} rows in ${seconds.toFixed(1)} s = ${Math.round(exported / seconds).toLocaleString()} rows/s; peak RSS ${(peak / 1048576).toFixed(0)} MB (${(startRss / 1048576).toFixed(0)} MB before the export began)`,
    );

    log("\nChain verification of every row:");
    const { verifyChain } = await import("../../lib/audit/verify-chain");
    t = Date.now();
    const result = await verifyChain(server.url, key);
    log(
      `  ${result.rowsChecked.toLocaleString()} rows, intact=${result.ok}, in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );
    const { disconnectDb } = await import("../../lib/db");
    const { closePgPool } = await import("../../lib/db/pg-pool");
    await disconnectDb();
    await closePgPool();
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
