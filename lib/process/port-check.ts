import { createServer } from "node:net";

/**
 * Tries to listen where a server is about to, so that a taken port or a wrong
 * host ends the start with a sentence naming the setting — not with the stack
 * trace the server itself would print.
 */
export class ListenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ListenError";
  }
}

export interface ListenTarget {
  port: number;
  /** undefined: every interface, as servers listen by default. */
  host?: string;
  /** What listens there, e.g. "the web server". */
  what: string;
  portVariable: string;
  hostVariable?: string;
}

export async function assertCanListen(target: ListenTarget): Promise<void> {
  const code = await tryListen(target.port, target.host);
  if (!code) return;
  const where = target.host ? `${target.host}:${target.port}` : `port ${target.port}`;
  switch (code) {
    case "EADDRINUSE":
      throw new ListenError(
        `Port ${target.port} is already in use (${where}), so ${target.what} cannot start: stop what uses it or set ${target.portVariable} to another port.`,
      );
    case "EACCES":
      throw new ListenError(
        `This user may not listen on port ${target.port} (ports below 1024 need privileges): set ${target.portVariable} to a port above 1024.`,
      );
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
    case "EAI_AGAIN":
      throw new ListenError(
        `${target.host} is not an address of this machine, so ${target.what} cannot listen there: correct ${target.hostVariable ?? "the host"}.`,
      );
    default:
      throw new ListenError(`Cannot listen on ${where} for ${target.what} (${code}).`);
  }
}

function tryListen(port: number, host: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(undefined)));
  });
}
