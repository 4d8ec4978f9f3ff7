import type { Metadata } from "next";
import { requirePage } from "@/lib/guard/page";
import { env } from "@/lib/env";
import { filtersToQuery, pageFilters } from "@/lib/audit/history-filters";
import { historyPage } from "@/lib/audit/history-query";
import { chainStatus } from "@/lib/audit/history-chain";
import { historyOwners } from "@/lib/audit/history-owners";
import { listUsers } from "@/lib/users/user-service";
import { HistoryFiltersForm } from "@/components/audit/history-filters-form";
import { HistoryTable } from "@/components/audit/history-table";
import { VerificationStatus } from "@/components/audit/verification-status";
import { ViewTabs } from "@/components/audit/view-tabs";
import { ExportLinks } from "@/components/audit/export-links";
import { HistoryPager, NothingFound } from "@/components/audit/history-pager";

export const metadata: Metadata = { title: "Audit history" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const filters = pageFilters(params);
  await requirePage(
    { resource: "audit.history", permission: "audit:read" },
    `/audit?${filtersToQuery(filters, { cursor: filters.cursor })}`,
  );
  const [page, users, status] = await Promise.all([historyPage(filters), listUsers(), chainStatus()]);
  const owners = await historyOwners(page.rows);
  const query = filtersToQuery(filters);

  return (
    <section aria-labelledby="audit-heading" className="grid gap-3">
      <h1 id="audit-heading" className="text-2xl font-semibold">
        Audit history
      </h1>
      <VerificationStatus status={status} everyMinutes={env().AUDIT_VERIFY_EVERY_MINUTES} />
      <div className="flex flex-wrap items-end justify-between gap-2 border-b border-slate-300">
        <ViewTabs filters={filters} />
        <ExportLinks query={query} />
      </div>
      <HistoryFiltersForm
        key={query}
        filters={filters}
        agents={users.map((u) => ({ id: u.id, name: `${u.displayName} (${u.email})` }))}
      />
      {page.rows.length === 0 ? (
        <NothingFound filters={filters} />
      ) : (
        <HistoryTable rows={page.rows} now={page.asOf.getTime()} owners={owners} filters={filters} />
      )}
      <HistoryPager filters={filters} nextCursor={page.nextCursor} />
    </section>
  );
}
