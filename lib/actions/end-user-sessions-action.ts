"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { userActor } from "@/lib/audit/actors";
import { guardAction } from "@/lib/guard/guard";
import { userTarget } from "@/lib/admin/input";
import type { AdminUserRow } from "@/lib/admin/types";
import { runUserChange } from "@/lib/admin/user-change";
import { toAdminUserRow } from "@/lib/admin/user-rows";
import { endSessions } from "@/lib/users/user-service";

/** Signs a user out everywhere at once (each open session is refused on its next request); they may sign in again. */
export async function endUserSessionsAction(
  raw: unknown,
): Promise<ActionResult<{ user: AdminUserRow; ended: number }>> {
  return guardAction(
    { resource: "admin.users.end-sessions", permission: "admin:manage", input: userTarget },
    raw,
    async ({ user, request, input }) => {
      const by = { actor: userActor(user), request, reason: input.reason };
      const result = await runUserChange(async () => {
        const done = await endSessions(input.email, by);
        return { user: toAdminUserRow(done.user), ended: done.ended };
      });
      if (result.ok) revalidatePath("/admin");
      return result;
    },
  );
}
