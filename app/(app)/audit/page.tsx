import type { Metadata } from "next";
import Link from "next/link";
import { requirePage } from "@/lib/guard/page";
import { filtersToQuery, parseHistoryFilters } from "@/lib/audit/history-filters";
import { historyPage } from "@/lib/audit/history-query";
import { lastVerification } from "@/lib/audit/record-verification";
import { listUsers } from "@/lib/users/user-service";
import { HistoryFiltersForm } from "@/components/audit/history-filters-form";
import { HistoryTable } from "@/components/audit/history-table";
import { VerificationStatus } from "@/components/audit/verification-status";

export const metadata: Metadata = { title: "Audit history" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const filters = parseHistoryFilters(params);
  await requirePage(
    { resource: "audit.history", permission: "audit:read" },
    `/audit?${filtersToQuery(filters, { cursor: filters.cursor })}`,
  );
  const [page, users, verification] = await Promise.all([historyPage(filters), listUsers(), lastVerification()]);
  const query = filtersToQuery(filters);

  return (
    <section aria-labelledby="audit-heading" className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 id="audit-heading" className="text-2xl font-semibold">
          Audit history
        </h1>
        <VerificationStatus verification={verification} />
      </div>
      <HistoryFiltersForm
        filters={filters}
        agents={users.map((u) => ({ id: u.id, name: `${u.displayName} (${u.email})` }))}
      />
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span className="text-slate-700">Export exactly this filtered set:</span>
        <a
          className="rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
          href={`/api/audit/export?${query}&format=csv`}
        >
          CSV
        </a>
        <a
          className="rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
          href={`/api/audit/export?${query}&format=jsonl`}
        >
          JSON Lines
        </a>
      </div>
      <HistoryTable rows={page.rows} now={page.asOf.getTime()} />
      <nav aria-label="Pages" className="flex gap-3">
        {filters.cursor && (
          <Link
            href={`/audit?${query}`}
            className="rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium"
          >
            ← Newest
          </Link>
        )}
        {page.nextCursor && (
          <Link
            href={`/audit?${filtersToQuery(filters, { cursor: page.nextCursor })}`}
            className="rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium"
            rel="next"
          >
            Older →
          </Link>
        )}
      </nav>
    </section>
  );
}
