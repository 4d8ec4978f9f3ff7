import "server-only";
import { listUsers, type UserSummary } from "@/lib/users/user-service";
import type { AdminUserRow } from "@/lib/admin/types";

export function toAdminUserRow(u: UserSummary): AdminUserRow {
  return {
    id: u.id,
    email: u.email,
    name: u.displayName,
    role: u.role,
    disabled: u.disabled,
    isDemo: u.isDemo,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

export async function adminUserRows(): Promise<AdminUserRow[]> {
  return (await listUsers()).map(toAdminUserRow);
}
