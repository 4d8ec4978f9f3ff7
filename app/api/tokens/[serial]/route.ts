import { z } from "zod";
import { fail } from "@/lib/action-result";
import { guardRoute } from "@/lib/guard/route";
import { parseSerialQuery } from "@/lib/tokens/serial";
import { lookupToken } from "@/lib/tokens/lookup-token";

export const dynamic = "force-dynamic";

/** GET /api/tokens/<serial>: the token as RSA has it now. Reads are not server actions (they would queue). */
export const GET = guardRoute(
  { resource: "token.lookup", permission: "token:read", params: z.object({ serial: z.string().max(200) }) },
  async ({ user, request, params }) => {
    // Next.js has decoded the path segment once already; decoding again would turn "%25" into a crash.
    const parsed = parseSerialQuery(params.serial);
    if (!parsed.ok) return fail("INVALID_SERIAL", parsed.message, { referenceId: request.requestId });
    return lookupToken(user, parsed, request);
  },
);
