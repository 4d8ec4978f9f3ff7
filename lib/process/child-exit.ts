import type { ChildProcess } from "node:child_process";

/** How a child process ended: an exit code, a signal, or a failure to start at all. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

/**
 * Resolves once the child has ended — at once if it already has. A child
 * killed by a signal has `exitCode === null` and `signalCode` set, so both are
 * checked: waiting for "exit" on a child that is already gone never ends.
 */
export function childExit(child: ChildProcess): Promise<ChildExit> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    // A binary that cannot be executed (ENOENT, EACCES) emits "error" and no "exit".
    // Other "error"s (a failed kill) concern a running child, which still ends with "exit".
    child.on("error", (error) => {
      if (child.pid === undefined) resolve({ code: null, signal: null, error });
    });
  });
}

export function describeExit(exit: ChildExit): string {
  if (exit.error) return `could not be started (${(exit.error as NodeJS.ErrnoException).code ?? exit.error.message})`;
  if (exit.signal) return `was killed by ${exit.signal}`;
  return `exited with code ${exit.code}`;
}

/**
 * Asks a child to stop and waits until it has; a child that ignores the
 * request for `graceMs` is killed with SIGKILL, so stopping always ends.
 */
export async function stopChild(
  child: ChildProcess,
  options: { signal?: NodeJS.Signals; graceMs?: number } = {},
): Promise<ChildExit> {
  const exited = childExit(child);
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return exited;
  child.kill(options.signal ?? "SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), options.graceMs ?? 10_000);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}
