// npm run bench:audit [-- --rows 1000000] [--runs 20] — the audit trail at size on its own:
// page latency per filter (first and deep page, database time p50/p95), CSV export rate and
// peak memory, and full-chain verification time (scripts/bench/measure-audit.ts; `npm run bench`
// runs the same at 1 M and 10 M rows). Prints figures; asserts nothing.
import { parseArgs } from "node:util";
import { measureAudit } from "./measure-audit";

const { values } = parseArgs({
  options: { rows: { type: "string", default: "1000000" }, runs: { type: "string", default: "20" } },
});

measureAudit({
  rows: Number(values.rows),
  runs: Number(values.runs),
  port: 25404,
  log: (line) => console.log(line),
}).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
