import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/require-permission";

export const metadata: Metadata = { title: "Desk" };

export default async function DeskPage() {
  await requirePagePermission("token:read", "/");
  return (
    <section aria-labelledby="desk-heading">
      <h1 id="desk-heading" className="text-2xl font-semibold">
        Desk
      </h1>
      <p className="mt-2 text-slate-700">Token search by serial number arrives in the next release of tokendesk.</p>
    </section>
  );
}
