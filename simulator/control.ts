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
  /** Admin API requests answered so far: lets a test prove nothing was sent to "RSA". */
  requestCount: () => number;
}

const settingsSchema = z.strictObject({ verifyLicensed: z.boolean().optional() });

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

  if (route === "/health" && method === "GET") return sendJson(res, 200, { ok: true, requests: deps.requestCount() });

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

  if (route === "/settings") {
    if (method === "GET") return sendJson(res, 200, { verifyLicensed: deps.model.verifyLicensed });
    if (method === "POST") {
      const settings = validBody(res, bodyText, settingsSchema);
      if (!settings) return;
      if (settings.verifyLicensed !== undefined) deps.model.verifyLicensed = settings.verifyLicensed;
      return sendJson(res, 200, { verifyLicensed: deps.model.verifyLicensed });
    }
  }

  const user = /^\/users\/([^/]+)(\/verify\/(approve|deny|code))?$/.exec(route);
  if (user) return handleUser(deps, res, method, user[1]!, user[3]);

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

/**
 * `/users/{id}`: read a user's record as the user calls answer it, and play
 * the caller's phone during a live verification — approve or deny the push,
 * or read the code the caller would read aloud.
 */
function handleUser(
  deps: ControlDeps,
  res: ServerResponse,
  method: string,
  rawId: string,
  verifyAction: string | undefined,
): void {
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    return fail(res, 400, "The user id in the path is not valid");
  }
  if (verifyAction === undefined && method === "GET") {
    const record = deps.model.user(id);
    return record ? sendJson(res, 200, record) : fail(res, 404, `No user with id ${id}`);
  }
  const expected = verifyAction === "code" ? "GET" : "POST";
  if (verifyAction === undefined || method !== expected)
    return fail(res, 404, `No control endpoint ${method} /users/${id}${verifyAction ? `/verify/${verifyAction}` : ""}`);
  try {
    if (verifyAction === "code") return sendJson(res, 200, { verifyCode: deps.model.verificationCode(id) });
    return sendJson(res, 200, deps.model.respondToVerification(id, verifyAction === "approve"));
  } catch (error) {
    if (error instanceof BusinessError) return fail(res, error.status, error.description);
    throw error;
  }
}
