import type { ServerResponse } from "node:http";
import { z } from "zod";
import { businessError, frameworkError } from "./errors";
import { sendJson, sendRaw } from "./respond";

/**
 * Injected failures, so tests and training can see how tokendesk behaves when
 * RSA is slow, rate limits, breaks, sits behind a failing gateway, hangs or
 * answers garbage. A fault is applied after authentication and before the
 * business logic: a faulted change is never applied, which is what makes
 * "the change may or may not have happened" testable only with `hang`.
 */

/**
 * `credential-rejected` answers 403 as RSA does when it stops accepting the
 * key (deleted or regenerated in the console) — for showing what agents and
 * administrators see then, without breaking the key file.
 */
export type FaultKind = "latency" | "rate-limit" | "server-error" | "gateway-html" | "hang" | "malformed-json" | "credential-rejected";
export type Operation = "lookup" | "change";

export interface SimulatorFault {
  serial?: string;
  kind: FaultKind;
  latencyMs?: number;
  retryAfterSeconds?: number;
  status?: number;
  times?: number;
  operations?: Operation[];
}

export const DEFAULT_LATENCY_MS = 1000;
export const DEFAULT_SERVER_ERROR_STATUS = 500;
/** What a gateway in front of the tenant answers when the service behind it is down. */
export const DEFAULT_GATEWAY_STATUS = 503;
const GATEWAY_STATUSES = [502, 503, 504];

export const faultSchema = z
  .strictObject({
    serial: z.string().min(1).max(36).optional(),
    kind: z.enum(["latency", "rate-limit", "server-error", "gateway-html", "hang", "malformed-json", "credential-rejected"]),
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
    status: z.number().int().optional(),
    times: z.number().int().min(1).optional(),
    operations: z
      .array(z.enum(["lookup", "change"]))
      .min(1)
      .optional(),
  })
  .superRefine((fault, ctx) => {
    if (fault.status === undefined) return;
    if (fault.kind === "gateway-html" && !GATEWAY_STATUSES.includes(fault.status))
      ctx.addIssue({
        code: "custom",
        path: ["status"],
        message: "a gateway-html fault's status must be 502, 503 or 504",
      });
    if (fault.kind === "server-error" && (fault.status < 500 || fault.status > 599))
      ctx.addIssue({ code: "custom", path: ["status"], message: "a server-error fault's status must be 500-599" });
  });

/** Validates a fault (from a test or the control endpoint); throws with a plain message. */
export function parseFault(input: unknown): SimulatorFault {
  const parsed = faultSchema.safeParse(input);
  if (!parsed.success) throw new Error(`Invalid fault: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

interface ActiveFault {
  fault: SimulatorFault;
  /** Requests left before the fault removes itself; undefined = unlimited. */
  remaining: number | undefined;
}

export class FaultBook {
  private faults: ActiveFault[] = [];

  add(fault: SimulatorFault): void {
    this.faults.push({ fault: { ...fault }, remaining: fault.times });
  }

  clear(): void {
    this.faults = [];
  }

  list(): SimulatorFault[] {
    return this.faults.map((f) => ({ ...f.fault }));
  }

  /**
   * The most recently added fault matching this request, counting it down
   * (and removing it when its `times` are used up). A fault without a serial
   * matches every request of its operations.
   */
  take(serial: string | undefined, operation: Operation): SimulatorFault | undefined {
    for (let i = this.faults.length - 1; i >= 0; i--) {
      const active = this.faults[i]!;
      const { fault } = active;
      if (fault.serial !== undefined && fault.serial !== serial) continue;
      if (fault.operations && !fault.operations.includes(operation)) continue;
      if (active.remaining !== undefined) {
        active.remaining--;
        if (active.remaining <= 0) this.faults.splice(i, 1);
      }
      return { ...fault };
    }
    return undefined;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

function gatewayPage(status: number): string {
  const title = `${status} ${status === 502 ? "Bad Gateway" : status === 504 ? "Gateway Time-out" : "Service Temporarily Unavailable"}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/**
 * Acts out a fault. "continue" means the request should now be handled
 * normally (after a latency); "answered" means the fault produced the answer
 * (or, for `hang`, deliberately none: the socket stays open until the client
 * gives up or the simulator closes).
 */
export async function applyFault(fault: SimulatorFault, res: ServerResponse, context: { path: string; now: number }): Promise<"continue" | "answered"> {
  switch (fault.kind) {
    case "credential-rejected":
      sendJson(res, 403, frameworkError(403, "Server failed to process provided access token", context.path, context.now));
      return "answered";
    case "latency":
      await sleep(fault.latencyMs ?? DEFAULT_LATENCY_MS);
      return "continue";
    case "rate-limit":
      sendJson(
        res,
        429,
        { code: "429 TOO_MANY_REQUESTS", description: "Too many requests" },
        fault.retryAfterSeconds !== undefined ? { "Retry-After": String(fault.retryAfterSeconds) } : {},
      );
      return "answered";
    case "server-error": {
      const status = fault.status ?? DEFAULT_SERVER_ERROR_STATUS;
      sendJson(res, status, businessError(status, "Internal error occurred while processing the request"));
      return "answered";
    }
    case "gateway-html": {
      const status = fault.status ?? DEFAULT_GATEWAY_STATUS;
      sendRaw(res, status, "text/html", gatewayPage(status));
      return "answered";
    }
    case "hang":
      return "answered";
    case "malformed-json":
      // Cut off mid-record, the way a dropped proxy connection leaves it.
      sendRaw(res, 200, "application/json", '{"deviceType": "SID700", "tokenStatus": "Enab');
      return "answered";
  }
}
