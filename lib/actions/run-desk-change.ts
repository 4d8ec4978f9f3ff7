import "server-only";
import { fail, type ActionResult } from "@/lib/action-result";
import { userActor } from "@/lib/audit/actors";
import type { Admitted } from "@/lib/guard/guard";
import { attachedVerification } from "@/lib/people/caller-verification";
import type { ChangeDefinition } from "@/lib/tokens/change-definition";
import { parseChangeDetails } from "@/lib/tokens/change-details";
import { runChange, type ChangeSuccess } from "@/lib/tokens/change-token";

/**
 * What every change action does after the door: check the ticket, reason and
 * note (a sentence per field), attach the caller's verification if the agent
 * verified them just before, and hand the change to the one change path.
 */
export async function runDeskChange<Input, State>(
  admitted: Admitted,
  fields: { ticket: string; reason: string; note?: string; verificationId?: string },
  definition: ChangeDefinition<Input, State>,
  input: Input,
  rsaUserId: string | null,
  extraFieldErrors: Record<string, string> = {},
): Promise<ActionResult<ChangeSuccess<State>>> {
  const details = parseChangeDetails(fields);
  const fieldErrors = { ...(details.ok ? {} : details.fieldErrors), ...extraFieldErrors };
  if (!details.ok || Object.keys(fieldErrors).length > 0) {
    return fail("INVALID_INPUT", "Check the highlighted fields.", { fieldErrors });
  }
  const verification = await attachedVerification(admitted.user, rsaUserId, fields.verificationId);
  return runChange(definition, input, userActor(admitted.user), admitted.request, details.details, {
    intentDetails: verification,
  });
}
