import type { Metadata } from "next";
import { requirePage } from "@/lib/guard/page";

export const metadata: Metadata = { title: "Desk" };

/** The empty desk: the search box, focused. The desk itself is the layout's. */
export default async function DeskPage() {
  await requirePage({ resource: "desk", permission: "token:read" }, "/");
  return null;
}
