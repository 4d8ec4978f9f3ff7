import type { Metadata } from "next";
import { requirePage } from "@/lib/guard/page";

export const metadata: Metadata = { title: "Token" };

/** Deep link for ticket systems: /tokens/<serial>?ticket=<ref> opens the desk on that token (drawn by the layout). */
export default async function TokenPage({ params }: { params: Promise<{ serial: string }> }) {
  const { serial } = await params;
  await requirePage({ resource: "desk", permission: "token:read" }, `/tokens/${encodeURIComponent(serial)}`);
  return null;
}
