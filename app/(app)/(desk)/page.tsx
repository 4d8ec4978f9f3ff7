import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { deskPathFor, parseDeskQuery } from "@/lib/desk/desk-query";
import { requirePage } from "@/lib/guard/page";

export const metadata: Metadata = { title: "Desk" };

/**
 * The empty desk: the search box, focused. The desk itself is the layout's.
 * A search submitted before the page's script started arrives as /?q=…: a
 * query the desk understands goes straight to its address; anything else
 * stays here for the desk to explain (components/desk/desk.tsx).
 */
export default async function DeskPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await requirePage({ resource: "desk", permission: "token:read" }, "/");
  const q = (await searchParams).q;
  if (typeof q === "string") {
    const parsed = parseDeskQuery(q.slice(0, 256));
    if (parsed.kind !== "invalid") redirect(deskPathFor(parsed));
  }
  return null;
}
