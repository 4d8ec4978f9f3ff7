import type { ChangeFigures } from "./measure-changes";
import type { FirstLoadFigures } from "./measure-first-load";
import { describeCpu, type LookupFigures } from "./measure-lookups";
import type { StartFigures } from "./measure-start";
import type { TwoInstanceFigures } from "./measure-two-instances";

/** Everything one run measured, as written to bench/results/<date>.json. */
export interface Results {
  date: string;
  /** The load averages say how busy the machine was with other work (figures move with it). */
  machine: {
    cpus: number;
    cpu: string;
    memoryGiB: number;
    node: string;
    loadAverage: number;
    loadAverageAtEnd?: number;
  };
  seconds: number;
  build: string;
  buildSeconds?: number;
  webServerReadyMs?: number;
  lookups?: LookupFigures;
  changes?: ChangeFigures;
  credentials?: { starts: number; rsaCalls: number; tokens: number; perThousandCalls: number };
  twoInstances?: TwoInstanceFigures;
  firstLoad?: FirstLoadFigures;
  start?: StartFigures & { webServerReadyMs: number };
  audit?: AuditSizeFigures[];
}

export interface AuditSizeFigures {
  rows: number;
  seedSeconds: number;
  pages: { filter: string; firstP50: number; firstP95: number; deepP50: number; deepP95: number }[];
  worstPageP95: number;
  export: { rows: number; seconds: number; rowsPerSecond: number; peakRssMB: number; startRssMB: number };
  verify: { rows: number; seconds: number; ok: boolean };
}

interface Row {
  measure: string;
  figure: string;
  target: string;
  met: boolean | null;
}

const ms = (v: number) => `${v.toFixed(2)} ms`;
/** Cores busy with the bench's own processes (everything but "others"). */
const coresIn = (cores: Record<string, number>) =>
  Object.entries(cores)
    .filter(([name]) => name !== "others")
    .reduce((sum, [, n]) => sum + n, 0)
    .toFixed(2);

export function tableRows(r: Results): Row[] {
  const rows: Row[] = [];
  if (r.lookups) {
    const { c1, c20 } = r.lookups;
    rows.push({
      measure: "lookup overhead, c=1",
      figure: `+${ms(c1.addedP50)} p50, +${ms(c1.addedP95)} p95 (tokendesk ${ms(c1.app.p50)} / ${ms(c1.app.p95)}; simulator ${ms(c1.bare.p50)} / ${ms(c1.bare.p95)})`,
      target: "added p50 ≤ 3 ms, p95 ≤ 8 ms",
      met: c1.addedP50 <= 3 && c1.addedP95 <= 8,
    });
    rows.push({
      measure: "lookup overhead, c=20",
      figure: `+${ms(c20.addedP50)} p50, +${ms(c20.addedP95)} p95 (tokendesk ${ms(c20.app.p50)} / ${ms(c20.app.p95)}; simulator ${ms(c20.bare.p50)} / ${ms(c20.bare.p95)})`,
      target: "report",
      met: null,
    });
    rows.push({
      measure: "CPU per lookup, c=20",
      figure: `through tokendesk: ${describeCpu(c20.appCpu)}; straight: simulator ${(c20.bareCpu.simulator ?? 0).toFixed(2)} ms (other processes: ${c20.otherCores.toFixed(2)} cores)`,
      target: "report",
      met: null,
    });
    rows.push({
      measure: "lookup throughput, c=20",
      figure: `${r.lookups.throughputRatio.toFixed(2)} (${c20.app.perSecond.toFixed(0)}/s vs ${c20.bare.perSecond.toFixed(0)}/s)`,
      target: "ratio ≥ 0.5",
      met: r.lookups.throughputRatio >= 0.5,
    });
  }
  if (r.changes) {
    const c = r.changes;
    rows.push({
      measure: "change overhead",
      figure: `+${ms(c.addedP50)} p50, +${ms(c.addedP95)} p95 (tokendesk ${ms(c.app.p50)}; its ${c.rsaCallsPerChange} RSA calls ${ms(c.bare.p50)})`,
      target: "added p50 ≤ 10 ms",
      met: c.addedP50 <= 10,
    });
  }
  if (r.credentials) {
    const c = r.credentials;
    rows.push({
      measure: "credential work",
      figure: `${c.perThousandCalls.toFixed(2)} per 1,000 RSA calls (${c.tokens} OAuth tokens, ${c.rsaCalls} calls, ${c.starts} starts)`,
      target: "≤ 1",
      met: c.perThousandCalls <= 1,
    });
  }
  if (r.twoInstances) {
    const t = r.twoInstances;
    const sound = t.chainVerified && t.seqGapless && t.duplicated === 0 && t.lost === 0 && t.intents === t.outcomes;
    rows.push({
      measure: "two instances",
      figure: `${t.ratio.toFixed(2)}× (${t.two.toFixed(0)}/s vs ${t.one.toFixed(0)}/s; cores busy ${coresIn(t.coresTwo)} vs ${coresIn(t.coresOne)}, others ${(t.coresTwo.others ?? 0).toFixed(2)}); chain ${t.chainVerified ? "verifies" : "BROKEN"}, ${t.lost} lost, ${t.duplicated} duplicated, seq ${t.seqGapless ? "gapless" : "HAS GAPS"}`,
      target: "verifies, none lost or duplicated, ≥ 1.6×",
      met: sound && t.ratio >= 1.6,
    });
  }
  for (const a of r.audit ?? []) {
    const size = a.rows >= 1e6 ? `${a.rows / 1e6}M` : a.rows.toLocaleString("en");
    rows.push({
      measure: `audit page, ${size} rows`,
      figure: `worst filter p95 ${ms(a.worstPageP95)}`,
      target: a.rows >= 1e7 ? "p95 ≤ 10 ms" : "report",
      met: a.rows >= 1e7 ? a.worstPageP95 <= 10 : null,
    });
    rows.push({
      measure: `audit export, ${size} rows`,
      figure: `${Math.round(a.export.rowsPerSecond).toLocaleString("en")} rows/s, peak RSS ${a.export.peakRssMB.toFixed(0)} MB`,
      target: "≥ 50k rows/s, < 300 MB",
      met: a.export.rowsPerSecond >= 50_000 && a.export.peakRssMB < 300,
    });
    rows.push({
      measure: `audit verify, ${size} rows`,
      figure: `${a.verify.seconds.toFixed(1)} s (${Math.round(a.verify.rows / a.verify.seconds).toLocaleString("en")} rows/s), intact=${a.verify.ok}`,
      target: "report",
      met: a.verify.ok ? null : false,
    });
  }
  if (r.firstLoad) {
    rows.push({
      measure: "desk first-load JS (brotli)",
      figure: `${(r.firstLoad.bytes / 1024).toFixed(1)} KB in ${r.firstLoad.scripts} scripts`,
      target: "≤ 170 KB",
      met: r.firstLoad.bytes <= 170 * 1024,
    });
  }
  if (r.start) {
    rows.push({
      measure: "start (existing build)",
      figure: `${r.start.startSeconds.toFixed(1)} s to ready (first start of a new data folder ${r.start.firstStartSeconds.toFixed(1)} s; web server alone ${(r.start.webServerReadyMs / 1000).toFixed(2)} s)`,
      target: "report",
      met: null,
    });
  }
  return rows;
}

export function printTable(r: Results, log: (line: string) => void): void {
  const rows = tableRows(r);
  const width = (pick: (row: Row) => string, title: string) =>
    Math.max(title.length, ...rows.map((x) => pick(x).length));
  const w = [width((x) => x.measure, "measure"), width((x) => x.figure, "figure"), width((x) => x.target, "target")];
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(w[i]!) : c)).join("  ");
  log("");
  log(line(["measure", "figure", "target", "met"]));
  log(line(w.map((n) => "-".repeat(n)).concat("---")));
  for (const x of rows) log(line([x.measure, x.figure, x.target, x.met === null ? "" : x.met ? "yes" : "NO"]));
}
