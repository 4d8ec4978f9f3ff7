/**
 * Telling "the database is down" from every other error, so that screens can
 * say "tokendesk's database is unavailable" instead of "your session has
 * ended" or "wrong password" — and never pass the driver's message (host,
 * port, user) to a browser.
 */

export class DatabaseUnavailableError extends Error {
  constructor(cause?: unknown) {
    super("tokendesk's database is unavailable", cause === undefined ? undefined : { cause });
    this.name = "DatabaseUnavailableError";
  }
}

// Prisma: can't reach / timed out / server closed the connection / pool exhausted.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// Driver adapter kinds that mean the server could not be used at all.
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
// Node and PostgreSQL codes: connection refused/reset/timed out, admin shutdown, cannot connect now, connection exceptions.
const NODE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "EPIPE",
]);
const SQLSTATE = /^(08\d{3}|57P0[1-3]|53300)$/;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as {
    name?: unknown;
    code?: unknown;
    kind?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } };
    cause?: unknown;
  };
  if (e instanceof DatabaseUnavailableError || e.name === "PrismaClientInitializationError") return true;
  if (typeof e.code === "string" && (PRISMA_CODES.has(e.code) || NODE_CODES.has(e.code) || SQLSTATE.test(e.code)))
    return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  const adapterCause = e.meta?.driverAdapterError?.cause;
  if (adapterCause) {
    if (typeof adapterCause.kind === "string" && ADAPTER_KINDS.has(adapterCause.kind)) return true;
    if (typeof adapterCause.originalCode === "string" && SQLSTATE.test(adapterCause.originalCode)) return true;
  }
  if (Array.isArray((e as { errors?: unknown }).errors))
    return (e as { errors: unknown[] }).errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
  return isDatabaseUnavailable(e.cause, depth + 1);
}
