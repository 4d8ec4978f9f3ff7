"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Every address the desk shows (app/(app)/(desk)/). */
const DESK_PATHS = /^\/(?:$|tokens\/|users\/|people$)/;

/** A top-bar link that says (to eyes and to screen readers) which section is open. */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const active = href === "/" ? DESK_PATHS.test(pathname) : pathname.startsWith(href);
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
