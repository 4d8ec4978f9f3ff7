"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { userActor } from "@/lib/audit/actors";
import { guardAction } from "@/lib/guard/guard";
import { userTarget } from "@/lib/admin/input";
import type { AdminUserRow } from "@/lib/admin/types";
import { runUserChange } from "@/lib/admin/user-change";
import { toAdminUserRow } from "@/lib/admin/user-rows";
import { setDisabled } from "@/lib/users/user-service";

/** Lets a disabled user sign in again. */
export async function enableUserAction(raw: unknown): Promise<ActionResult<{ user: AdminUserRow }>> {
  return guardAction(
    { resource: "admin.users.enable", permission: "admin:manage", input: userTarget },
    raw,
    async ({ user, request, input }) => {
      const by = { actor: userActor(user), request, reason: input.reason };
      const result = await runUserChange(async () => ({
        user: toAdminUserRow(await setDisabled(input.email, false, by)),
      }));
      if (result.ok) revalidatePath("/admin");
      return result;
    },
  );
}
