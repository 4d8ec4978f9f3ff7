import { z } from "zod";

/**
 * Injected failures, so tests and training can see how tokendesk behaves when
 * RSA is slow, rate limits, breaks, sits behind a failing gateway, hangs,
 * drops the connection or answers garbage or oddities. A fault is chosen
 * after authentication, routing and the scope check. With `phase: "before"`
 * (the default) it acts before the call, so a faulted change is never applied
 * (`latency` only delays it); with `phase: "after-apply"` the call runs first
 * and the fault then shapes the answer — "RSA applied the disable, but the
 * answer was lost". `odd-answer` always runs the call and alters its answer.
 * How each kind acts: fault-actions.ts; the oddities: oddities.ts.
 */

/**
 * `credential-rejected` answers 403 as RSA does when it stops accepting the
 * key (deleted or regenerated in the console) — for showing what agents and
 * administrators see then, without breaking the key file.
 */
export const FAULT_KINDS = [
  "latency",
  "rate-limit",
  "server-error",
  "gateway-html",
  "hang",
  "malformed-json",
  "credential-rejected",
  "connection-reset",
  "odd-answer",
  "route-not-found",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type Operation = "lookup" | "change";
export type FaultPhase = "before" | "after-apply";

/** What an `odd-answer` fault changes in the real answer (oddities.ts). */
export const ODDITIES = [
  "extra-fields",
  "unknown-status",
  "unknown-state",
  "empty-user-id",
  "one-bad-credential",
] as const;
export type Oddity = (typeof ODDITIES)[number];

/** The body of a `route-not-found` 404: Spring's own, a web server's HTML page, or nothing. */
export type RouteNotFoundShape = "framework" | "html" | "empty";

export interface SimulatorFault {
  serial?: string;
  /** Matches the path's /users/{id}/ or the body's userId. */
  userId?: string;
  kind: FaultKind;
  phase?: FaultPhase;
  latencyMs?: number;
  retryAfterSeconds?: number;
  status?: number;
  /** odd-answer only; default "extra-fields". Several may be combined. */
  oddity?: Oddity | Oddity[];
  /** route-not-found only; default "framework". */
  shape?: RouteNotFoundShape;
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
    userId: z.string().min(1).max(64).optional(),
    kind: z.enum(FAULT_KINDS),
    phase: z.enum(["before", "after-apply"]).optional(),
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    retryAfterSeconds: z.number().int().min(0).max(86_400).optional(),
    status: z.number().int().optional(),
    oddity: z.union([z.enum(ODDITIES), z.array(z.enum(ODDITIES)).min(1)]).optional(),
    shape: z.enum(["framework", "html", "empty"]).optional(),
    times: z.number().int().min(1).optional(),
    operations: z
      .array(z.enum(["lookup", "change"]))
      .min(1)
      .optional(),
  })
  .superRefine((fault, ctx) => {
    if (fault.oddity !== undefined && fault.kind !== "odd-answer")
      ctx.addIssue({ code: "custom", path: ["oddity"], message: "oddity applies to odd-answer faults only" });
    if (fault.shape !== undefined && fault.kind !== "route-not-found")
      ctx.addIssue({ code: "custom", path: ["shape"], message: "shape applies to route-not-found faults only" });
    if (fault.kind === "odd-answer" && fault.phase === "before")
      ctx.addIssue({ code: "custom", path: ["phase"], message: "an odd-answer fault always applies the call first" });
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
   * or userId matches every request of its operations.
   */
  take(request: { serial?: string; userId?: string; operation: Operation }): SimulatorFault | undefined {
    const { serial, userId, operation } = request;
    for (let i = this.faults.length - 1; i >= 0; i--) {
      const active = this.faults[i]!;
      const { fault } = active;
      if (fault.serial !== undefined && fault.serial !== serial) continue;
      if (fault.userId !== undefined && fault.userId.toLowerCase() !== userId?.toLowerCase()) continue;
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

/** The oddities of an odd-answer fault, as a list (default: extra fields). */
export function odditiesOf(fault: SimulatorFault): Oddity[] {
  if (fault.oddity === undefined) return ["extra-fields"];
  return Array.isArray(fault.oddity) ? [...fault.oddity] : [fault.oddity];
}
