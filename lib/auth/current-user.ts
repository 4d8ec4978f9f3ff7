import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { ROLES, type Role } from "@/lib/auth/permissions";

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  sessionId: string;
}

/** The signed-in user of this request, re-checked against the database; once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const user = session?.user as
    Partial<{ id: string; email: string; name: string; role: string; sessionId: string }> | undefined;
  if (!user?.id || !user.sessionId || !user.email || !(ROLES as readonly string[]).includes(user.role ?? ""))
    return null;
  return {
    id: user.id,
    email: user.email,
    displayName: user.name ?? user.email,
    role: user.role as Role,
    sessionId: user.sessionId,
  };
});
