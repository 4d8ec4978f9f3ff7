import { z } from "zod";
import { guardRoute } from "@/lib/guard/route";
import { callerVerification } from "@/lib/people/caller-verification";

export const dynamic = "force-dynamic";

/** GET /api/users/<e-mail>/verification?userId=…: where the caller's live verification stands (the desk polls it). */
export const GET = guardRoute(
  {
    resource: "user.verification",
    permission: "token:change",
    params: z.object({ email: z.string().max(400) }),
    query: z.object({ userId: z.uuid() }),
  },
  async ({ user, request, params, query }) =>
    callerVerification.status(user, request, { userId: query.userId, email: params.email }),
);
