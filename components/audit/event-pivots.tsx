import Link from "next/link";
import type { HistoryRow } from "@/lib/audit/history-query";
import { filtersToQuery, type HistoryFilters } from "@/lib/audit/history-filters";
import { groupSerial } from "@/lib/tokens/serial";

export const PIVOT_LINK =
  "inline-flex min-h-6 items-center whitespace-nowrap rounded px-1 text-blue-800 underline underline-offset-2 hover:bg-blue-50";

const href = (filters: Partial<HistoryFilters>) => `/audit?${filtersToQuery(filters)}`;

/**
 * "This agent today" and "this agent's last 7 days", in the view being read:
 * side by side where the table has room (xl), one under the other where it has not.
 */
export function AgentPivots({ actorId, view }: { actorId: string; view: HistoryFilters["action"] }) {
  return (
    <span className="flex flex-col items-start text-xs xl:flex-row xl:gap-x-2 xl:whitespace-nowrap">
      <Link className={PIVOT_LINK} href={href({ agent: actorId, range: "today", action: view })}>
        this agent today
      </Link>
      <Link className={PIVOT_LINK} href={href({ agent: actorId, range: "7d", action: view })}>
        this agent&apos;s last 7 days
      </Link>
    </span>
  );
}

/** From one event to everything recorded about its serial, ticket or owner, at any time. */
export function EventPivots({ row, view }: { row: HistoryRow; view: HistoryFilters["action"] }) {
  const links: { label: string; filters: Partial<HistoryFilters> }[] = [];
  if (row.serial)
    links.push({ label: `Everything on serial ${groupSerial(row.serial)}`, filters: { serial: row.serial } });
  if (row.ticket) links.push({ label: `Everything under ticket ${row.ticket}`, filters: { ticket: row.ticket } });
  if (row.rsaUserId) links.push({ label: "Everything about this owner", filters: { rsaUser: row.rsaUserId } });
  if (links.length === 0 && !row.actorId) return null;
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="font-medium text-slate-700">Related:</span>
      {row.actorId && (
        <>
          <Link className={PIVOT_LINK} href={href({ agent: row.actorId, range: "today", action: view })}>
            this agent today
          </Link>
          <Link className={PIVOT_LINK} href={href({ agent: row.actorId, range: "7d", action: view })}>
            this agent&apos;s last 7 days
          </Link>
        </>
      )}
      {links.map((link) => (
        <Link key={link.label} className={PIVOT_LINK} href={href({ ...link.filters, range: "all", action: "all" })}>
          {link.label}
        </Link>
      ))}
    </p>
  );
}
