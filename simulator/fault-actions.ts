import type { ServerResponse } from "node:http";
import { businessError, frameworkError, routeNotFound } from "./errors";
import {
  DEFAULT_GATEWAY_STATUS,
  DEFAULT_LATENCY_MS,
  DEFAULT_SERVER_ERROR_STATUS,
  odditiesOf,
  type SimulatorFault,
} from "./faults";
import { oddAnswer } from "./oddities";
import { EMPTY_BODY, sendAnswer, sendJson, sendRaw, type CallAnswer } from "./respond";

/**
 * How a fault acts, before the call (`actBefore`) or after it ran
 * (`actAfter`, for `phase: "after-apply"` and for `odd-answer`). The same
 * answer shapes either way; only whether the tenant changed differs.
 */

export interface FaultContext {
  /** The request's path, as the framework bodies name it. */
  path: string;
  now: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Does the fault act after the call ran (so a change is applied)? */
export function actsAfterCall(fault: SimulatorFault): boolean {
  return fault.kind === "odd-answer" || fault.phase === "after-apply";
}

/**
 * Before the call. "continue" means the call should now run (after a
 * latency); "answered" means the fault produced the answer — or, for `hang`
 * and `connection-reset`, deliberately none.
 */
export async function actBefore(
  fault: SimulatorFault,
  res: ServerResponse,
  context: FaultContext,
): Promise<"continue" | "answered"> {
  if (fault.kind === "latency") {
    await sleep(fault.latencyMs ?? DEFAULT_LATENCY_MS);
    return "continue";
  }
  answerInstead(fault, res, context);
  return "answered";
}

/** After the call ran: sends its answer late, altered, or not at all, as the fault says. */
export async function actAfter(
  fault: SimulatorFault,
  res: ServerResponse,
  answer: CallAnswer,
  context: FaultContext,
): Promise<void> {
  if (fault.kind === "latency") {
    await sleep(fault.latencyMs ?? DEFAULT_LATENCY_MS);
    return sendAnswer(res, answer);
  }
  if (fault.kind === "odd-answer") {
    // Only a real record can be odd: errors and empty answers go out as they are.
    const odd = answer.status === 200 && answer.body !== EMPTY_BODY;
    return sendAnswer(res, odd ? { status: 200, body: oddAnswer(answer.body, odditiesOf(fault)) } : answer);
  }
  answerInstead(fault, res, context);
}

/** The fault's own answer in place of the call's (or none, for hang and connection-reset). */
function answerInstead(fault: SimulatorFault, res: ServerResponse, context: FaultContext): void {
  switch (fault.kind) {
    case "credential-rejected":
      return sendJson(
        res,
        403,
        frameworkError(403, "Server failed to process provided access token", context.path, context.now),
      );
    case "rate-limit":
      return sendJson(
        res,
        429,
        { code: "429 TOO_MANY_REQUESTS", description: "Too many requests" },
        fault.retryAfterSeconds !== undefined ? { "Retry-After": String(fault.retryAfterSeconds) } : {},
      );
    case "server-error": {
      const status = fault.status ?? DEFAULT_SERVER_ERROR_STATUS;
      return sendJson(res, status, businessError(status, "Internal error occurred while processing the request"));
    }
    case "gateway-html": {
      const status = fault.status ?? DEFAULT_GATEWAY_STATUS;
      return sendRaw(res, status, "text/html", webServerPage(status));
    }
    case "hang":
      return; // the socket stays open until the client gives up or the simulator closes
    case "malformed-json":
      // Cut off mid-record, the way a dropped proxy connection leaves it.
      return sendRaw(res, 200, "application/json", '{"deviceType": "SID700", "tokenStatus": "Enab');
    case "connection-reset":
      return resetConnection(res);
    case "route-not-found":
      return routeNotFoundAnswer(fault, res, context);
    case "latency":
    case "odd-answer":
      return; // never called for these: they act around the call, not instead of it
  }
}

const REASONS: Record<number, string> = {
  404: "Not Found",
  502: "Bad Gateway",
  503: "Service Temporarily Unavailable",
  504: "Gateway Time-out",
};

/** The error page nginx (in front of many gateways) answers with. */
function webServerPage(status: number): string {
  const title = `${status} ${REASONS[status] ?? "Error"}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

function routeNotFoundAnswer(fault: SimulatorFault, res: ServerResponse, context: FaultContext): void {
  switch (fault.shape ?? "framework") {
    case "framework":
      return sendJson(res, 404, routeNotFound(context.path, context.now));
    case "html":
      return sendRaw(res, 404, "text/html", webServerPage(404));
    case "empty":
      if (res.headersSent || res.destroyed) return;
      res.writeHead(404, { "Content-Length": 0 });
      res.end();
  }
}

/** Drops the connection without an answer: a TCP reset where the platform allows it. */
function resetConnection(res: ServerResponse): void {
  const socket = res.socket;
  if (socket && typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
  else res.destroy();
}
