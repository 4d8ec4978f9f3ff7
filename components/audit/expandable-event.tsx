"use client";

import { useId, useState, type ReactNode } from "react";

/**
 * One event of the audit table: its row, and under it a full-width row with
 * every detail, opened and closed by a button that says whether it is open.
 * Both rows come rendered from the server; only the toggle runs here.
 */
export function ExpandableEvent({
  cells,
  detail,
  label,
  columns,
}: {
  cells: ReactNode;
  detail: ReactNode;
  /** What the event is, for the button's accessible name ("Details of Disable SID700 at 14:03"). */
  label: string;
  columns: number;
}) {
  const [open, setOpen] = useState(false);
  const detailId = useId();
  return (
    <tbody className="border-t border-slate-200">
      <tr data-testid="audit-row" className={`align-top ${open ? "bg-blue-50" : ""}`}>
        {cells}
        <td className="px-2 py-1 text-right">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={detailId}
            onClick={() => setOpen((wasOpen) => !wasOpen)}
            className="inline-flex min-h-7 items-center gap-1 rounded-md border border-slate-500 bg-white px-2 text-sm font-medium text-blue-800 hover:bg-slate-100"
          >
            <span aria-hidden="true">{open ? "▾" : "▸"}</span>
            Details<span className="sr-only"> of {label}</span>
          </button>
        </td>
      </tr>
      <tr id={detailId} hidden={!open} data-testid="audit-detail" className="bg-slate-50">
        <td colSpan={columns} className="border-t border-slate-200">
          {detail}
        </td>
      </tr>
    </tbody>
  );
}
