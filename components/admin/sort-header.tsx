"use client";

import type { SortDirection, SortKey, UserListView } from "@/lib/admin/user-list";

/** A column header that sorts the table; aria-sort tells a screen reader which column and which way. */
export function SortHeader({
  column,
  label,
  view,
  onSort,
}: {
  column: SortKey;
  label: string;
  view: UserListView;
  onSort: (column: SortKey, direction: SortDirection) => void;
}) {
  const active = view.sort === column;
  const next: SortDirection = active && view.direction === "ascending" ? "descending" : "ascending";
  return (
    <th scope="col" aria-sort={active ? view.direction : "none"} className="px-3 py-2">
      <button
        type="button"
        onClick={() => onSort(column, next)}
        className="inline-flex items-center gap-1 rounded font-semibold hover:underline focus-visible:outline-2 focus-visible:outline-blue-700"
      >
        {label}
        <span aria-hidden className="inline-block w-3 text-slate-500">
          {active ? (view.direction === "ascending" ? "▲" : "▼") : ""}
        </span>
      </button>
    </th>
  );
}
