import Link from "next/link";
import { DEFAULT_PAGE_ACTION, filtersToQuery, type HistoryFilters } from "@/lib/audit/history-filters";

const LINK = "inline-flex min-h-9 items-center rounded-md border border-slate-500 bg-white px-3 font-medium";

/** Newest first, 50 at a time: "Older" follows the keyset cursor; "Newest" starts again. */
export function HistoryPager({ filters, nextCursor }: { filters: HistoryFilters; nextCursor: string | null }) {
  if (!filters.cursor && !nextCursor) return null;
  return (
    <nav aria-label="Pages" className="flex gap-3">
      {filters.cursor && (
        <Link href={`/audit?${filtersToQuery(filters)}`} className={LINK}>
          ← Newest
        </Link>
      )}
      {nextCursor && (
        <Link href={`/audit?${filtersToQuery(filters, { cursor: nextCursor })}`} className={LINK} rel="next">
          Older →
        </Link>
      )}
    </nav>
  );
}

/** An empty result that says what else to try. */
export function NothingFound({ filters }: { filters: HistoryFilters }) {
  const wider = filtersToQuery({ ...filters, range: "all", action: "all", outcome: undefined });
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6 text-slate-800">
      <p className="font-medium">No audit events match these filters.</p>
      {(filters.range !== "all" || filters.action !== "all" || filters.outcome) && (
        <p className="mt-1 text-sm">
          <Link className="text-blue-800 underline" href={`/audit?${wider}`}>
            Look through every kind of event at any time
          </Link>{" "}
          with the other filters kept
          {filters.action === DEFAULT_PAGE_ACTION ? ", lookups and sign-ins included" : ""}.
        </p>
      )}
    </div>
  );
}
