import type { ChildProcess } from "node:child_process";
import { childExit, describeExit, stopChild, type ChildExit } from "./child-exit";

/**
 * `npm start` runs several parts — PostgreSQL, the RSA simulator, the web
 * server — that only make sense together. When one of them ends on its own,
 * the supervisor says which in one line, stops the others (newest first) and
 * exits non-zero; a requested shutdown stops them all the same way and exits
 * with the code asked for.
 */

export interface SupervisedPart {
  /** Used in the one line printed when the part dies, e.g. "the web server (next start)". */
  name: string;
  stop(): Promise<void>;
  /** Resolves when the part ends by itself; in-process parts (the simulator) have none. */
  exited?: Promise<ChildExit>;
}

export interface SupervisorIo {
  log(line: string): void;
  exit(code: number): void;
}

/** A part that does not stop within this long is left behind so that the others still stop. */
const STOP_TIMEOUT_MS = 30_000;

export class Supervisor {
  private readonly parts: SupervisedPart[] = [];
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly io: SupervisorIo,
    private readonly stopTimeoutMs = STOP_TIMEOUT_MS,
  ) {}

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** Watches a part; the returned function forgets it again (its end is expected from then on). */
  add(part: SupervisedPart): () => void {
    if (this.stopping) {
      // Started while shutting down (e.g. Ctrl+C during start): stop it straight away.
      void this.stopPart(part);
      return () => {};
    }
    this.parts.push(part);
    void part.exited?.then((exit) => {
      if (this.stopping || !this.parts.includes(part)) return;
      this.io.log(`${capitalise(part.name)} ${describeExit(exit)}; stopping tokendesk.`);
      void this.shutdown(1);
    });
    return () => {
      const index = this.parts.indexOf(part);
      if (index >= 0) this.parts.splice(index, 1);
    };
  }

  /** Stops every part, newest first, then exits with `code`. Later calls wait for the first. */
  shutdown(code: number): Promise<void> {
    this.stopping ??= (async () => {
      for (const part of [...this.parts].reverse()) await this.stopPart(part);
      this.io.exit(code);
    })();
    return this.stopping;
  }

  private async stopPart(part: SupervisedPart): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), this.stopTimeoutMs);
    });
    try {
      const result = await Promise.race([part.stop().then(() => "stopped" as const), timeout]);
      if (result === "timeout") this.io.log(`${capitalise(part.name)} did not stop in time; leaving it.`);
    } catch (error) {
      this.io.log(`Could not stop ${part.name}: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A child process as a supervised part: it dies when the process ends; stopping signals it and waits. */
export function childProcessPart(
  name: string,
  child: ChildProcess,
  stopWith: { signal?: NodeJS.Signals; graceMs?: number } = {},
): SupervisedPart {
  return { name, exited: childExit(child), stop: () => stopChild(child, stopWith).then(() => {}) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
