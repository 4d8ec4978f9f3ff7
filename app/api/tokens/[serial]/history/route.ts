import { z } from "zod";
import { fail, ok } from "@/lib/action-result";
import { guardRoute } from "@/lib/guard/route";
import { parseSerialQuery } from "@/lib/tokens/serial";
import { serialHistory } from "@/lib/audit/serial-history";

export const dynamic = "force-dynamic";

/** GET /api/tokens/<serial>/history: the latest audit events of this serial, for the desk's timeline. */
export const GET = guardRoute(
  { resource: "token.history", permission: "token:read", params: z.object({ serial: z.string().max(200) }) },
  async ({ request, params }) => {
    const parsed = parseSerialQuery(params.serial);
    if (!parsed.ok) return fail("INVALID_SERIAL", parsed.message, { referenceId: request.requestId });
    return ok(await serialHistory(parsed.serial));
  },
);
