import "server-only";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { UserError } from "@/lib/users/user-service";

/**
 * Runs one change to tokendesk's users for the administration page. A
 * refusal from the user service (a taken e-mail, the last administrator, a
 * user who no longer exists) becomes a result with its sentence — beside the
 * field it is about when there is one — never a 500. Anything else is left to
 * the door, which logs it and answers with a reference.
 */
export async function runUserChange<T>(change: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return ok(await change());
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    if (error.field) return fail("INVALID_INPUT", error.message, { fieldErrors: { [error.field]: error.message } });
    return fail(error.problem === "not-found" ? "NOT_FOUND" : "NOT_ALLOWED", error.message);
  }
}
