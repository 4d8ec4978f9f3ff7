import Link from "next/link";
import { can, ROLE_LABELS, type Permission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/current-user";
import { SignOutButton } from "@/components/sign-out-button";
import { NavLink } from "@/components/nav-link";

const NAV: { href: string; label: string; permission: Permission }[] = [
  { href: "/", label: "Desk", permission: "token:read" },
  { href: "/audit", label: "Audit history", permission: "audit:read" },
  { href: "/admin", label: "Administration", permission: "admin:manage" },
];

export function TopBar({ user }: { user: CurrentUser }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
        <Link href="/" className="text-lg font-bold tracking-tight text-slate-900">
          tokendesk
        </Link>
        <nav aria-label="Main" className="flex gap-1">
          {NAV.filter((item) => can(user.role, item.permission)).map((item) => (
            <NavLink key={item.href} href={item.href}>
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-4 text-sm">
          <span data-testid="current-user">
            <span className="font-medium">{user.displayName}</span>{" "}
            <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-700">
              {ROLE_LABELS[user.role]}
            </span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
