import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/require-permission";

export const metadata: Metadata = { title: "Audit history" };

export default async function AuditPage() {
  await requirePagePermission("audit:read", "/audit");
  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading" className="text-2xl font-semibold">
        Audit history
      </h1>
      <p className="mt-2 text-slate-700">The audit history of token changes arrives with the agent desk.</p>
    </section>
  );
}
