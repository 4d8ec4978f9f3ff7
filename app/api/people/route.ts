import { z } from "zod";
import { fail } from "@/lib/action-result";
import { guardRoute } from "@/lib/guard/route";
import { findPeople } from "@/lib/people/find-people";
import { parsePersonQuery } from "@/lib/people/person-query";

export const dynamic = "force-dynamic";

/** GET /api/people?q=<part of an e-mail or a name>: who matches, for the desk's short list. */
export const GET = guardRoute(
  { resource: "user.search", permission: "token:read", query: z.object({ q: z.string().max(200) }) },
  async ({ user, request, query }) => {
    const parsed = parsePersonQuery(query.q);
    if (parsed.kind === "invalid") return fail("INVALID_INPUT", parsed.message, { referenceId: request.requestId });
    const emailLike = parsed.kind === "email" ? parsed.email : parsed.emailLike;
    return findPeople(user, { emailLike }, request);
  },
);
