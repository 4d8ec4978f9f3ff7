import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * CPU time the parts used, from /proc (Linux): what a request costs each
 * process, whatever else the machine is doing at the time — wall-clock
 * latencies on a shared two-core machine move with the neighbours' load, CPU
 * time per request much less.
 */

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function stat(pid: number): { ppid: number; ticks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** CPU seconds used so far by a process (its own threads, not its children). */
export function cpuSeconds(pid: number): number {
  return (stat(pid)?.ticks ?? 0) / TICKS_PER_SECOND;
}

/** CPU seconds of a PostgreSQL server: the postmaster and every backend it runs now. */
export function postgresCpuSeconds(clusterDir: string): number {
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0]);
  } catch {
    return 0;
  }
  let ticks = stat(postmaster)?.ticks ?? 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(Number(entry));
    if (s && s.ppid === postmaster) ticks += s.ticks;
  }
  return ticks / TICKS_PER_SECOND;
}

export interface CpuMeter {
  /** CPU milliseconds each part used since the meter was made. */
  read(): Record<string, number>;
}

export function cpuMeter(parts: Record<string, () => number>): CpuMeter {
  const start = Object.fromEntries(Object.entries(parts).map(([name, read]) => [name, read()]));
  return {
    read: () => Object.fromEntries(Object.entries(parts).map(([name, read]) => [name, (read() - start[name]!) * 1000])),
  };
}

/** CPU seconds the whole machine has spent busy (all processes, all cores), from /proc/stat. */
export function machineBusySeconds(): number {
  try {
    const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: everything but idle and iowait.
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}
