import "server-only";
import { forbidden, redirect } from "next/navigation";
import { NextResponse } from "next/server";
import { can, type Permission } from "@/lib/auth/permissions";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";

/**
 * The checker every page, route handler and server action goes through.
 * Three shapes for three callers; one rule underneath (`can`).
 */

export type PermissionCheck =
  | { ok: true; user: CurrentUser }
  | { ok: false; status: 401 | 403; code: "UNAUTHENTICATED" | "FORBIDDEN"; message: string };

export async function requirePermission(permission: Permission): Promise<PermissionCheck> {
  const user = await getCurrentUser();
  if (!user)
    return { ok: false, status: 401, code: "UNAUTHENTICATED", message: "Your session has ended. Sign in again." };
  if (!can(user.role, permission))
    return { ok: false, status: 403, code: "FORBIDDEN", message: "Your role does not allow this." };
  return { ok: true, user };
}

/** For server components: sends the signed-out to sign-in and the unauthorized to the 403 page. */
export async function requirePagePermission(permission: Permission, returnTo: string): Promise<CurrentUser> {
  const check = await requirePermission(permission);
  if (check.ok) return check.user;
  if (check.status === 401) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  forbidden();
}

/** For route handlers: a JSON error response, or the user. */
export async function requireApiPermission(
  permission: Permission,
): Promise<{ user: CurrentUser; response?: never } | { user?: never; response: NextResponse }> {
  const check = await requirePermission(permission);
  if (check.ok) return { user: check.user };
  return {
    response: NextResponse.json({ error: { code: check.code, message: check.message } }, { status: check.status }),
  };
}
