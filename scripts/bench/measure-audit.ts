import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { migrate } from "../../lib/db/migrations";
import { resetEnvCache } from "../../lib/env";
import { percentile } from "./load";
import type { AuditSizeFigures } from "./report";
import { seedAuditRows } from "./seed-audit-rows";

/**
 * The audit trail at size: page latency per filter (first and deep page,
 * database time p50/p95), the CSV export's rate and peak memory (in a
 * process of its own, as the web server's export would run), and a full-chain
 * verification. `npm run bench` runs it at 1 M and 10 M rows;
 * `npm run bench:audit -- --rows N` alone.
 */
export async function measureAudit(options: {
  rows: number;
  runs: number;
  port: number;
  log: (line: string) => void;
}): Promise<AuditSizeFigures> {
  const { rows: total, runs, log } = options;
  const dataDir = await mkdtemp(path.join(tmpdir(), "tokendesk-bench-audit-"));
  const server = await startEmbeddedPostgres({ dataDir, port: options.port, database: "bench" });
  try {
    await migrate(server.url);
    const keyText = randomBytes(32).toString("hex");
    Object.assign(process.env, { DATABASE_URL: server.url, AUDIT_HMAC_KEY: keyText, LOG_LEVEL: "silent" });
    resetEnvCache();
    const key = Buffer.from(keyText, "utf8");

    log(`  seeding ${total.toLocaleString("en")} chained audit rows…`);
    let t = Date.now();
    const sample = await seedAuditRows(server.url, key, total, (line) => log(`  ${line.trim()}`));
    const seedSeconds = (Date.now() - t) / 1000;
    log(`  seeded in ${seedSeconds.toFixed(1)} s`);

    const pages = await measurePages(server.url, total, runs, sample);
    for (const p of pages)
      log(
        `  ${p.filter.padEnd(24)} first p50 ${p.firstP50.toFixed(2)} ms, p95 ${p.firstP95.toFixed(2)} ms; deep p50 ${p.deepP50.toFixed(2)} ms, p95 ${p.deepP95.toFixed(2)} ms`,
      );

    const exported = await exportInChild(server.url, keyText);
    log(
      `  export: ${exported.rows.toLocaleString("en")} rows in ${exported.seconds.toFixed(1)} s = ${Math.round(exported.rowsPerSecond).toLocaleString("en")} rows/s, peak RSS ${exported.peakRssMB.toFixed(0)} MB (${exported.startRssMB.toFixed(0)} MB before it began)`,
    );

    const { verifyChain } = await import("../../lib/audit/verify-chain");
    t = Date.now();
    const result = await verifyChain(server.url, key);
    const verify = { rows: result.rowsChecked, seconds: (Date.now() - t) / 1000, ok: result.ok };
    log(`  verify: ${verify.rows.toLocaleString("en")} rows, intact=${verify.ok}, in ${verify.seconds.toFixed(1)} s`);

    const { disconnectDb } = await import("../../lib/db");
    const { closePgPool } = await import("../../lib/db/pg-pool");
    await disconnectDb();
    await closePgPool();
    return {
      rows: total,
      seedSeconds,
      pages,
      worstPageP95: Math.max(...pages.flatMap((p) => [p.firstP95, p.deepP95])),
      export: exported,
      verify,
    };
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function measurePages(
  url: string,
  total: number,
  runs: number,
  sample: { agents: string[]; serials: string[]; tickets: string[] },
): Promise<AuditSizeFigures["pages"]> {
  const { historySql } = await import("../../lib/audit/history-sql");
  const { pageFilters, parseHistoryFilters } = await import("../../lib/audit/history-filters");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deepRow = (
      await client.query("SELECT occurred_at, seq FROM audit_events WHERE seq = $1", [
        Math.max(1, Math.floor(total * 0.05)),
      ])
    ).rows[0];
    const deep = { at: deepRow.occurred_at as Date, seq: BigInt(deepRow.seq) };
    const filters: [string, Record<string, string>][] = [
      // What the audit page opens on (changes and refusals, its default range).
      ["audit page default view", {}],
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
    const pages: AuditSizeFigures["pages"] = [];
    for (const [filter, params] of filters) {
      const figures: number[] = [];
      for (const after of [null, deep]) {
        const parsed = filter === "audit page default view" ? pageFilters(params) : parseHistoryFilters(params);
        const sql = historySql(parsed, after, 51);
        const args = sql.values.map((v) => (typeof v === "bigint" ? v.toString() : v));
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          const plan = (await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`, args)).rows[0][
            "QUERY PLAN"
          ][0];
          times.push(plan["Execution Time"] + plan["Planning Time"]);
        }
        times.sort((a, b) => a - b);
        figures.push(percentile(times, 50), percentile(times, 95));
      }
      const [firstP50, firstP95, deepP50, deepP95] = figures as [number, number, number, number];
      pages.push({ filter, firstP50, firstP95, deepP50, deepP95 });
    }
    return pages;
  } finally {
    await client.end();
  }
}

/** The export in a fresh process, so its peak memory is the export's and not what seeding left behind. */
function exportInChild(url: string, key: string): Promise<AuditSizeFigures["export"]> {
  return new Promise((resolve, reject) => {
    const child = fork(path.resolve("scripts", "bench", "audit-export-process.ts"), [], {
      // BENCH_EXPORT_PROFILE=dir: a CPU profile of the export process, for profile-summary.ts.
      execArgv: [
        "--import",
        "tsx",
        "--conditions=react-server",
        ...(process.env.BENCH_EXPORT_PROFILE
          ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_EXPORT_PROFILE}`]
          : []),
      ],
      env: { ...process.env, DATABASE_URL: url, AUDIT_HMAC_KEY: key, LOG_LEVEL: "silent" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.once("message", (figures) => resolve(figures as AuditSizeFigures["export"]));
    child.once("exit", (code) => reject(new Error(`the export process ended (code ${code}) without figures`)));
  });
}
