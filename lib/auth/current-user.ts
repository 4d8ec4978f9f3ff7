import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { DatabaseUnavailableError } from "@/lib/db/availability";

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  sessionId: string;
}

/**
 * The signed-in user of this request, re-checked against the database; once
 * per request. Throws DatabaseUnavailableError when the database cannot say
 * (so nobody is told their session ended when it did not).
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  if ((session as { databaseUnavailable?: boolean } | null)?.databaseUnavailable) throw new DatabaseUnavailableError();
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
