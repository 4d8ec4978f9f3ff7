import Link from "next/link";
import { can, ROLE_LABELS, type Permission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import { DemoBanner } from "@/components/demo-banner";
import { SignOutButton } from "@/components/sign-out-button";
import { NavLink } from "@/components/nav-link";

const NAV: { href: string; label: string; permission: Permission }[] = [
  { href: "/", label: "Desk", permission: "token:read" },
  { href: "/audit", label: "Audit history", permission: "audit:read" },
  { href: "/admin", label: "Administration", permission: "admin:manage" },
];

/** The page's banner landmark: the demo warning (when it applies), product, navigation, who is signed in. */
export function TopBar({ user, demo }: { user: CurrentUser; demo: boolean }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      {demo && <DemoBanner />}
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
        <Link href="/" className="inline-flex min-h-8 items-center text-lg font-bold tracking-tight text-slate-900">
          tokendesk
        </Link>
        <nav aria-label="Main">
          <ul className="flex gap-1">
            {NAV.filter((item) => can(user.role, item.permission)).map((item) => (
              <li key={item.href}>
                <NavLink href={item.href}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-4 text-sm">
          <p data-testid="current-user">
            <span className="font-medium">{user.displayName}</span>{" "}
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-700">
              {ROLE_LABELS[user.role]}
            </span>
          </p>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
