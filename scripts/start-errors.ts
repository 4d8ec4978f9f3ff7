import type { EnvError } from "../lib/env";

/**
 * Every way `npm start` can fail before serving ends in one plain sentence and
 * an exit code — 2 for configuration the operator must change, 1 otherwise —
 * never a stack trace (LOG_LEVEL=debug or trace adds it for unexpected errors).
 */
const PLAIN = new Set(["DatabaseSetupError", "MigrationError", "ListenError", "RsaConfigError"]);

export function describeStartFailure(error: unknown, logLevel?: string): { message: string; code: number } {
  const e = error instanceof Error ? error : new Error(String(error));
  if (e.name === "EnvError") {
    return { message: `invalid configuration: ${(e as EnvError).problems.join("; ")}.`, code: 2 };
  }
  if (e.name === "RsaConfigError") return { message: oneLine(e.message), code: 2 };
  if (PLAIN.has(e.name) || isSentence(e.message)) return { message: oneLine(e.message), code: 1 };
  const detail = logLevel === "debug" || logLevel === "trace" ? `\n${e.stack}` : " (LOG_LEVEL=debug shows where)";
  return { message: `unexpected error: ${oneLine(e.message)}${detail}`, code: 1 };
}

/** Messages written for people (ours) start with a capital and end with a full stop. */
function isSentence(message: string): boolean {
  return /^[A-Z"]/.test(message) && /[.)]$/.test(message.trim());
}

function oneLine(message: string): string {
  return message
    .trim()
    .replace(/:\s*\n\s*-\s*/, ": ")
    .replace(/\s*\n\s*-\s*/g, "; ")
    .replace(/\s*\n\s*/g, " ");
}

export function printStartFailure(error: unknown, logLevel?: string, what = "could not start"): number {
  const { message, code } = describeStartFailure(error, logLevel);
  console.error(`\ntokendesk ${what}: ${message}\n`);
  return code;
}
