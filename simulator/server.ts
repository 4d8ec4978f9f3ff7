import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { API_BASE_PATH, handleAdminApi, type AdminApiDeps } from "./admin-api";
import { CONTROL_PREFIX, handleControl, type ControlDeps } from "./control";
import { businessError, routeNotFound } from "./errors";
import type { OAuthServer } from "./oauth";
import { BodyTooLargeError, readBody, sendJson } from "./respond";

/**
 * The HTTP server: top-level routing to the admin API, the OAuth endpoint and
 * the control endpoints, plus socket tracking so close() can end even while a
 * `hang` fault is holding a request open.
 *
 * The server listens before the keys exist (their adminRestApiUrl needs the
 * real port), so the handlers are attached afterwards; until then it answers 503.
 */

export const OAUTH_PREFIX = "/oauth";

export interface SimulatorHandlers {
  admin: AdminApiDeps;
  oauth: OAuthServer;
  control: ControlDeps;
  /** Called once per admin API request (not control, not OAuth). */
  countAdminRequest: () => void;
  now: () => number;
  log: (line: string) => void;
}

export class SimulatorServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private handlers: SimulatorHandlers | undefined;
  private closing: Promise<void> | undefined;

  constructor(private readonly log: (line: string) => void) {
    this.server = createServer((req, res) => {
      this.dispatch(req, res).catch((error: unknown) => {
        // Last resort: never let one request take the simulator down.
        this.log(`unhandled error: ${error instanceof Error ? error.stack : String(error)}`);
        if (!res.headersSent && !res.destroyed)
          sendJson(res, 500, businessError(500, "Internal error occurred while processing the request"));
        else res.destroy();
      });
    });
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.once("close", () => this.sockets.delete(socket));
    });
    // A client dropping a connection mid-request is normal here (timeouts, hang faults).
    this.server.on("clientError", (_error, socket) => socket.destroy());
  }

  /** Listens and resolves with the actual port (useful with port 0). */
  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.server.once("error", onError);
      this.server.listen(port, host, () => {
        this.server.off("error", onError);
        const address = this.server.address();
        resolve(typeof address === "object" && address ? address.port : port);
      });
    });
  }

  attach(handlers: SimulatorHandlers): void {
    this.handlers = handlers;
  }

  /** Stops listening and destroys every open socket (idle keep-alives and hanging requests). */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
      this.server.closeAllConnections();
    });
    return this.closing;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const handlers = this.handlers;
    if (!handlers) return sendJson(res, 503, businessError(503, "The simulator is starting"));
    const started = handlers.now();
    // The tenant's clock, not the machine's: rsa:check reads skew from this header.
    res.setHeader("Date", new Date(started).toUTCString());
    res.once("finish", () =>
      handlers.log(`${req.method} ${req.url} → ${res.statusCode} (${handlers.now() - started} ms)`),
    );

    const path = new URL(req.url ?? "/", "http://simulator").pathname;
    const isAdmin = path === API_BASE_PATH || path.startsWith(`${API_BASE_PATH}/`);
    if (isAdmin) handlers.countAdminRequest();

    let bodyText: string;
    try {
      bodyText = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, businessError(413, "Request body too large"));
      throw error;
    }

    if (isAdmin) return handleAdminApi(handlers.admin, req, res, path, bodyText);
    if (path === `${OAUTH_PREFIX}/token`) return handlers.oauth.handle(req, res, bodyText);
    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`))
      return handleControl(handlers.control, req, res, path, bodyText);
    sendJson(res, 404, routeNotFound(path, handlers.now()));
  }
}
