"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { userActor } from "@/lib/audit/actors";
import { guardAction } from "@/lib/guard/guard";
import { emailField, reasonField, roleField } from "@/lib/admin/input";
import type { AdminUserRow } from "@/lib/admin/types";
import { runUserChange } from "@/lib/admin/user-change";
import { toAdminUserRow } from "@/lib/admin/user-rows";
import { setRole } from "@/lib/users/user-service";

const inputSchema = z.object({ email: emailField, role: roleField, reason: reasonField });

/** Gives a user another role; their sessions end, and the last active administrator cannot be demoted. */
export async function changeUserRoleAction(raw: unknown): Promise<ActionResult<{ user: AdminUserRow }>> {
  return guardAction(
    { resource: "admin.users.role", permission: "admin:manage", input: inputSchema },
    raw,
    async ({ user, request, input }) => {
      const by = { actor: userActor(user), request, reason: input.reason };
      const result = await runUserChange(async () => ({
        user: toAdminUserRow(await setRole(input.email, input.role, by)),
      }));
      if (result.ok) revalidatePath("/admin");
      return result;
    },
  );
}
