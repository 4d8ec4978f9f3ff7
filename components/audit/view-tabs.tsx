import Link from "next/link";
import { filtersToQuery, VIEWS, type HistoryFilters } from "@/lib/audit/history-filters";

/**
 * The one-click views: what kind of events to read. A view keeps who, when,
 * which serial, ticket and owner, and starts again from the newest event with
 * any outcome.
 */
export function ViewTabs({ filters }: { filters: HistoryFilters }) {
  return (
    <nav aria-label="Views">
      <ul className="flex flex-wrap gap-1">
        {VIEWS.map((view) => {
          const current = filters.action === view.action;
          const href = `/audit?${filtersToQuery({ ...filters, action: view.action, outcome: undefined })}`;
          return (
            <li key={view.action}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                className={`-mb-px inline-flex min-h-9 items-center rounded-t-md border px-3 text-sm font-medium ${
                  current
                    ? "border-slate-300 border-b-white bg-white text-slate-900"
                    : "border-transparent text-blue-800 underline-offset-2 hover:underline"
                }`}
              >
                {view.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
