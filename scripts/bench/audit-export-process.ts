// Forked by scripts/bench/measure-audit.ts: the CSV export of every audit row as
// GET /api/audit/export streams it (batches of 5,000 → CSV → bytes), into
// nothing, in a process of its own so its peak memory is the export's. Sends
// {rows, seconds, rowsPerSecond, peakRssMB, startRssMB} over IPC.
import { Writable } from "node:stream";
import { csvHeader, csvRows, CSV_BOM } from "../../lib/audit/export-format";
import { parseHistoryFilters } from "../../lib/audit/history-filters";
import { historyBatches } from "../../lib/audit/history-query";
import { disconnectDb } from "../../lib/db";
import { closePgPool } from "../../lib/db/pg-pool";

const encoder = new TextEncoder();
const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
const startRss = process.memoryUsage().rss;
let peak = startRss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const started = performance.now();
let rows = 0;
sink.write(encoder.encode(CSV_BOM + csvHeader()));
for await (const batch of historyBatches({ ...parseHistoryFilters({ range: "all" }), cursor: undefined }, 5000)) {
  rows += batch.length;
  if (!sink.write(encoder.encode(csvRows(batch)))) await new Promise((resolve) => sink.once("drain", resolve));
}
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
const seconds = (performance.now() - started) / 1000;
await disconnectDb();
await closePgPool();
process.send!({
  rows,
  seconds,
  rowsPerSecond: rows / seconds,
  peakRssMB: peak / 1048576,
  startRssMB: startRss / 1048576,
});
process.disconnect();
