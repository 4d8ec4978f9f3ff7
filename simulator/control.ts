import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { BusinessError } from "./errors";
import { faultSchema, type FaultBook, type SimulatorFault } from "./faults";
import type { TenantModel } from "./model";
import { parseJson, sendEmpty, sendJson } from "./respond";

/**
 * `/__simulator/*`: how tests, e2e and training drive the tenant from outside
 * the process (no authentication: the simulator only listens on loopback by
 * default and holds nothing real). Input is validated with zod; bad input is
 * a 400 with a plain message, never a half-applied change.
 */

export const CONTROL_PREFIX = "/__simulator";

export interface ControlDeps {
  model: TenantModel;
  faults: FaultBook;
  reset: () => void;
  addFault: (fault: SimulatorFault) => void;
}

const arrangeSchema = z.strictObject({
  tokenStatus: z.enum(["Enabled", "Disabled"]).optional(),
  tokenState: z.enum(["Unassigned", "Activation Pending", "Activated"]).optional(),
  userId: z.string().min(1).nullable().optional(),
});

function fail(res: ServerResponse, status: number, message: string) {
  sendJson(res, status, { error: message });
}

/** Parses and validates a JSON body; answers the 400 itself and returns undefined when it is bad. */
function validBody<T>(res: ServerResponse, bodyText: string, schema: z.ZodType<T>): T | undefined {
  const parsed = parseJson(bodyText.trim() === "" ? "{}" : bodyText);
  if (!parsed.ok) {
    fail(res, 400, "The body is not valid JSON");
    return undefined;
  }
  const result = schema.safeParse(parsed.value);
  if (!result.success) {
    fail(res, 400, z.prettifyError(result.error));
    return undefined;
  }
  return result.data;
}

export function handleControl(
  deps: ControlDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  bodyText: string,
): void {
  const method = req.method ?? "GET";
  const route = path.slice(CONTROL_PREFIX.length);

  if (route === "/health" && method === "GET") return sendJson(res, 200, { ok: true });

  if (route === "/reset" && method === "POST") {
    deps.reset();
    return sendJson(res, 200, { ok: true });
  }

  if (route === "/faults") {
    if (method === "GET") return sendJson(res, 200, deps.faults.list());
    if (method === "DELETE") {
      deps.faults.clear();
      return sendEmpty(res, 204);
    }
    if (method === "POST") {
      const fault = validBody(res, bodyText, faultSchema);
      if (!fault) return;
      deps.addFault(fault);
      return sendEmpty(res, 204);
    }
  }

  const token = /^\/tokens\/([^/]+)$/.exec(route);
  if (token) {
    let serial: string;
    try {
      serial = decodeURIComponent(token[1]!);
    } catch {
      return fail(res, 400, "The serial in the path is not valid");
    }
    if (method === "GET") {
      const record = deps.model.sidToken(serial) ?? deps.model.ds100Credential(serial);
      return record
        ? sendJson(res, 200, record)
        : fail(res, 404, `No SID700 token or DS100 credential with serial ${serial}`);
    }
    if (method === "POST") {
      const change = validBody(res, bodyText, arrangeSchema);
      if (!change) return;
      try {
        const record = deps.model.arrange(serial, change);
        return record
          ? sendJson(res, 200, record)
          : fail(res, 404, `No SID700 token or DS100 credential with serial ${serial}`);
      } catch (error) {
        if (error instanceof BusinessError) return fail(res, error.status, error.description);
        throw error;
      }
    }
  }

  fail(res, 404, `No control endpoint ${method} ${path}`);
}
