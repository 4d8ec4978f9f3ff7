import { getCurrentUser } from "@/lib/auth/current-user";
import { recentSearches } from "@/lib/audit/serial-history";
import { can } from "@/lib/auth/permissions";
import { Desk } from "@/components/desk/desk";

/**
 * The agent's desk, shared by every desk address (/, /tokens/…, /users/…,
 * /people?q=…): the desk stays mounted while the agent moves between them, so
 * Back and Forward show what the address names without losing the desk's
 * state. Each page checks access itself (lib/guard/page.ts); this layout only
 * draws the desk for someone signed in.
 */
export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user || !can(user.role, "token:read")) return <>{children}</>;
  return (
    <>
      <Desk recent={await recentSearches(user.id)} canChange={can(user.role, "token:change")} />
      {children}
    </>
  );
}
