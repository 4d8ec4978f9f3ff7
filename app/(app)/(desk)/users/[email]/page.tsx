import type { Metadata } from "next";
import { requirePage } from "@/lib/guard/page";

export const metadata: Metadata = { title: "Caller" };

/** Deep link: /users/<e-mail>?ticket=<ref> opens the desk on that caller (drawn by the layout). */
export default async function UserPage({ params }: { params: Promise<{ email: string }> }) {
  const { email } = await params;
  await requirePage({ resource: "desk", permission: "token:read" }, `/users/${encodeURIComponent(email)}`);
  return null;
}
