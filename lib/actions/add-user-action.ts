"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { userActor } from "@/lib/audit/actors";
import { guardAction } from "@/lib/guard/guard";
import { emailField, nameField, reasonField, roleField } from "@/lib/admin/input";
import { newUsersGetPassword, signInMethods } from "@/lib/admin/sign-in-methods";
import type { AdminUserRow } from "@/lib/admin/types";
import { runUserChange } from "@/lib/admin/user-change";
import { toAdminUserRow } from "@/lib/admin/user-rows";
import { addSingleSignOnUser, addUser } from "@/lib/users/user-service";

const inputSchema = z.object({ name: nameField, email: emailField, role: roleField, reason: reasonField });

export interface AddedUser {
  user: AdminUserRow;
  /** Shown once to the administrator; never stored, logged or audited. Null with single sign-on. */
  password: string | null;
  /** With single sign-on (or passwords off): the page the new user signs in at. */
  signInUrl: string | null;
}

/** Adds a user with a one-time password, or — with single sign-on — with a sign-in link and no password. */
export async function addUserAction(raw: unknown): Promise<ActionResult<AddedUser>> {
  return guardAction(
    { resource: "admin.users.add", permission: "admin:manage", input: inputSchema },
    raw,
    async ({ user, request, input }) => {
      const by = { actor: userActor(user), request, reason: input.reason };
      const methods = signInMethods();
      const result = await runUserChange(async (): Promise<AddedUser> => {
        if (newUsersGetPassword(methods)) {
          const added = await addUser({ email: input.email, name: input.name, role: input.role }, by);
          return { user: toAdminUserRow(added.user), password: added.password, signInUrl: null };
        }
        const added = await addSingleSignOnUser({ email: input.email, name: input.name, role: input.role }, by);
        return { user: toAdminUserRow(added.user), password: null, signInUrl: methods.signInUrl };
      });
      if (result.ok) revalidatePath("/admin");
      return result;
    },
  );
}
