import { z } from "zod";
import { fail } from "@/lib/action-result";
import { guardRoute } from "@/lib/guard/route";
import { parsePersonQuery } from "@/lib/people/person-query";
import { loadUserCard } from "@/lib/people/user-card";

export const dynamic = "force-dynamic";

/** GET /api/users/<e-mail>: the caller as RSA has them now, with every authenticator they hold. */
export const GET = guardRoute(
  { resource: "user.lookup", permission: "token:read", params: z.object({ email: z.string().max(400) }) },
  async ({ user, request, params }) => {
    const query = parsePersonQuery(params.email);
    if (query.kind !== "email")
      return fail("INVALID_INPUT", "That is not an e-mail address. Check it with the caller.", {
        referenceId: request.requestId,
      });
    return loadUserCard(user, query.email, request);
  },
);
