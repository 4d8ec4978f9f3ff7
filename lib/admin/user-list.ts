import { ROLES, type Role } from "@/lib/auth/permissions";
import type { AdminUserRow } from "@/lib/admin/types";

/**
 * Searching, filtering and sorting the administration page's user table, in
 * the browser: a help desk has tens to a few hundred users, all on the page.
 * Browser-safe.
 */

export type SortKey = "name" | "email" | "role" | "status" | "lastSignIn";
export type SortDirection = "ascending" | "descending";
export type StatusFilter = "all" | "active" | "disabled";

export interface UserListView {
  query: string;
  role: Role | "all";
  status: StatusFilter;
  sort: SortKey;
  direction: SortDirection;
}

export const DEFAULT_VIEW: UserListView = {
  query: "",
  role: "all",
  status: "all",
  sort: "name",
  direction: "ascending",
};

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

function compare(a: AdminUserRow, b: AdminUserRow, key: SortKey): number {
  switch (key) {
    case "name":
      return collator.compare(a.name, b.name);
    case "email":
      return collator.compare(a.email, b.email);
    case "role":
      return ROLES.indexOf(a.role) - ROLES.indexOf(b.role);
    case "status":
      return Number(a.disabled) - Number(b.disabled);
    case "lastSignIn":
      // Never signed in sorts as the oldest.
      return (a.lastSignInAt ?? "").localeCompare(b.lastSignInAt ?? "");
  }
}

export function matchesView(user: AdminUserRow, view: UserListView): boolean {
  if (view.role !== "all" && user.role !== view.role) return false;
  if (view.status === "active" && user.disabled) return false;
  if (view.status === "disabled" && !user.disabled) return false;
  const words = view.query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = `${user.name} ${user.email}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** The users the view shows, in its order; ties are broken by name, then e-mail, so the order never jumps. */
export function applyView(users: readonly AdminUserRow[], view: UserListView): AdminUserRow[] {
  const sign = view.direction === "ascending" ? 1 : -1;
  return users
    .filter((user) => matchesView(user, view))
    .sort((a, b) => sign * compare(a, b, view.sort) || compare(a, b, "name") || compare(a, b, "email"));
}

export function isFiltered(view: UserListView): boolean {
  return view.query.trim() !== "" || view.role !== "all" || view.status !== "all";
}
