import type { HistoryRow } from "@/lib/audit/history-query";
import type { HistoryFilters } from "@/lib/audit/history-filters";
import { eventTitle, reasonWords, stateLines, type OwnerNames } from "@/lib/audit/history-words";
import { groupSerial } from "@/lib/tokens/serial";
import { LocalTime } from "@/components/local-time";
import { EventOutcome } from "@/components/audit/event-outcome";
import { EventDetail } from "@/components/audit/event-detail";
import { ExpandableEvent } from "@/components/audit/expandable-event";
import { AgentPivots } from "@/components/audit/event-pivots";

const HEADERS = ["Time", "Agent", "Event", "Serial", "Owner", "Ticket, reason", "Outcome"];
const CELL = "px-2 py-1.5";

/** The dense table supervisors read; each event opens, below itself, to everything recorded about it. */
export function HistoryTable({
  rows,
  now,
  owners,
  filters,
}: {
  rows: HistoryRow[];
  now: number;
  owners: OwnerNames;
  filters: HistoryFilters;
}) {
  if (rows.length === 0) return null;
  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-left text-sm" data-testid="audit-table">
        <caption className="sr-only">
          Audit events, newest first. Each event&apos;s Details button opens everything recorded about it.
        </caption>
        <thead className="bg-slate-100">
          <tr>
            {HEADERS.map((h) => (
              <th key={h} scope="col" className={`${CELL} font-semibold`}>
                {h}
              </th>
            ))}
            <th scope="col" className={CELL}>
              <span className="sr-only">Details</span>
            </th>
          </tr>
        </thead>
        {rows.map((row) => (
          <ExpandableEvent
            key={row.id}
            columns={HEADERS.length + 1}
            label={`${eventTitle(row)}${row.serial ? ` ${groupSerial(row.serial)}` : ""}, ${row.occurredAt.toISOString().slice(0, 19).replace("T", " ")} UTC`}
            cells={<EventCells row={row} now={now} owners={owners} filters={filters} />}
            detail={<EventDetail row={row} owners={owners} now={now} filters={filters} />}
          />
        ))}
      </table>
    </div>
  );
}

function EventCells({
  row,
  now,
  owners,
  filters,
}: {
  row: HistoryRow;
  now: number;
  owners: OwnerNames;
  filters: HistoryFilters;
}) {
  const { lines } = stateLines(row, owners);
  const change = lines.find((line) => line.label !== "Owner") ?? lines[0];
  return (
    <>
      <td className={CELL}>
        <LocalTime iso={row.occurredAt.toISOString()} stacked />
      </td>
      <td className={CELL}>
        <Actor row={row} view={filters.action} />
      </td>
      <td className={`${CELL} min-w-32`}>
        {eventTitle(row, { tokenType: false })}
        {change && (
          <span className="block text-xs text-slate-700">
            {change.before} → {change.after}
          </span>
        )}
      </td>
      <td className={`${CELL} whitespace-nowrap`}>
        <span className="font-mono">{row.serial ? groupSerial(row.serial) : "—"}</span>
        {row.tokenType && <span className="block text-xs text-slate-700">{row.tokenType}</span>}
      </td>
      <td className={CELL}>
        <Owner rsaUserId={row.rsaUserId} owners={owners} />
      </td>
      <td className={`${CELL} max-w-40 [overflow-wrap:anywhere]`}>
        {row.ticket ?? "—"}
        {row.reason && <span className="block text-xs text-slate-700">{reasonWords(row.reason)}</span>}
      </td>
      <td className={`${CELL} min-w-36`}>
        <EventOutcome row={row} now={now} />
      </td>
    </>
  );
}

function Actor({ row, view }: { row: HistoryRow; view: HistoryFilters["action"] }) {
  if (row.actorId)
    return (
      <>
        <span className="font-medium">{row.actorName ?? row.actorEmail}</span>
        <AgentPivots actorId={row.actorId} view={view} />
      </>
    );
  if (row.actorRole === "SYSTEM") return <span className="text-slate-700">{row.actorName} (tokendesk)</span>;
  return (
    <>
      <span className="break-all">{row.actorEmail ?? "someone"}</span>
      <span className="block text-xs text-slate-700">not signed in</span>
    </>
  );
}

function Owner({ rsaUserId, owners }: { rsaUserId: string | null; owners: OwnerNames }) {
  if (!rsaUserId) return <>—</>;
  const known = owners.get(rsaUserId);
  if (known?.name || known?.email)
    return (
      <>
        {known.name ?? known.email}
        {known.name && known.email && (
          <span className="block max-w-40 truncate text-xs text-slate-700" title={known.email}>
            {known.email}
          </span>
        )}
      </>
    );
  // An id nobody has a name for: its start, whole on hover and in the details.
  return (
    <span className="block max-w-20 truncate font-mono text-xs" title={rsaUserId}>
      {rsaUserId}
    </span>
  );
}
