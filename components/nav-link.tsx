"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A top-bar link that says (to eyes and to screen readers) which section is open. */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const active = href === "/" ? pathname === "/" || pathname.startsWith("/tokens") : pathname.startsWith(href);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`inline-flex min-h-8 items-center rounded-md px-3 text-sm font-medium ${active ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
    >
      {children}
    </Link>
  );
}
