import { fail, type ActionResult } from "@/lib/action-result";
import { parsePersonQuery } from "@/lib/people/person-query";
import type { UserCardAnswer } from "@/components/desk/queries";

export type FoundCaller = { userId: string; email: string; name: string | null };

/**
 * Who the e-mail typed in a dialog belongs to in RSA (the desk's own user
 * lookup, audited there). Each refusal is a sentence beside the e-mail field.
 */
export async function findCallerByEmail(typed: string): Promise<ActionResult<FoundCaller>> {
  const query = parsePersonQuery(typed);
  if (query.kind !== "email")
    return fail("INVALID_INPUT", "Check the highlighted fields.", {
      fieldErrors: { email: "Type the caller's whole e-mail address." },
    });
  const response = await fetch(`/api/users/${encodeURIComponent(query.email)}`, {
    headers: { Accept: "application/json" },
  });
  const answer = (await response.json()) as ActionResult<UserCardAnswer>;
  if (!answer.ok) return answer;
  if (!("user" in answer.data))
    return fail("INVALID_INPUT", "Check the highlighted fields.", {
      fieldErrors: { email: "RSA has no user with this e-mail address." },
    });
  return { ok: true, data: { userId: answer.data.user.id, email: query.email, name: answer.data.name } };
}
