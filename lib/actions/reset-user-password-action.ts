"use server";

import { revalidatePath } from "next/cache";
import { fail, type ActionResult } from "@/lib/action-result";
import { userActor } from "@/lib/audit/actors";
import { guardAction } from "@/lib/guard/guard";
import { userTarget } from "@/lib/admin/input";
import { signInMethods } from "@/lib/admin/sign-in-methods";
import type { AdminUserRow } from "@/lib/admin/types";
import { runUserChange } from "@/lib/admin/user-change";
import { toAdminUserRow } from "@/lib/admin/user-rows";
import { resetPassword } from "@/lib/users/user-service";

/**
 * Gives a user a new generated password, shown once to the administrator
 * (never stored, logged or audited); their sessions end and their sign-in
 * throttle is cleared.
 */
export async function resetUserPasswordAction(
  raw: unknown,
): Promise<ActionResult<{ user: AdminUserRow; password: string }>> {
  return guardAction(
    { resource: "admin.users.reset-password", permission: "admin:manage", input: userTarget },
    raw,
    async ({ user, request, input }) => {
      if (!signInMethods().passwords)
        return fail(
          "NOT_ALLOWED",
          "Passwords are turned off on this installation (AUTH_PASSWORDS=off), so there is no password to reset.",
        );
      const by = { actor: userActor(user), request, reason: input.reason };
      const result = await runUserChange(async () => {
        const reset = await resetPassword(input.email, undefined, by);
        return { user: toAdminUserRow(reset.user), password: reset.password };
      });
      if (result.ok) revalidatePath("/admin");
      return result;
    },
  );
}
