import type { Metadata } from "next";
import { requirePage } from "@/lib/guard/page";

export const metadata: Metadata = { title: "Find the caller" };

/** /people?q=<part of an e-mail or a name>: the matches, as a short list (drawn by the layout). */
export default async function PeoplePage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q } = await searchParams;
  await requirePage({ resource: "desk", permission: "token:read" }, `/people?q=${encodeURIComponent(q ?? "")}`);
  return null;
}
