import { CalendarDay, LocalTime } from "@/components/local-time";
import { daysFromToday } from "@/lib/format/calendar-day";

/** One row of a token's definition list; dates in local time with the relative time beside them. */
export function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[8.5rem_1fr] gap-2 border-b border-slate-100 py-1.5">
      <dt className="text-sm font-medium text-slate-600">{term}</dt>
      <dd className="min-w-0 break-words text-base text-slate-900">{children}</dd>
    </div>
  );
}

export function When({ iso, by }: { iso: string | null; by?: string | null }) {
  if (!iso) return <span className="text-slate-500">—</span>;
  const valid = !Number.isNaN(new Date(iso).getTime());
  return (
    <>
      {valid ? <LocalTime iso={new Date(iso).toISOString()} withRelative /> : iso}
      {by && <span className="text-slate-700"> by {by}</span>}
    </>
  );
}

/** A token's expiry is a day: shown as the UTC date (no time, no zone shift), with a warning when near. */
export function Expiry({ iso }: { iso: string | null }) {
  if (!iso) return <span className="text-slate-500">—</span>;
  const days = daysFromToday(iso);
  if (days === null) return <>{iso}</>;
  return (
    <>
      <CalendarDay iso={iso} />
      {days < 0 && <span className="ml-2 rounded bg-red-700 px-1.5 py-0.5 text-xs font-bold text-white">Expired</span>}
      {days >= 0 && days <= 30 && (
        <span className="ml-2 rounded bg-amber-300 px-1.5 py-0.5 text-xs font-bold text-black">
          {days === 0 ? "Expires today" : days === 1 ? "Expires in 1 day" : `Expires in ${days} days`}
        </span>
      )}
    </>
  );
}

/** Why a token with a status or state tokendesk does not know offers no action. */
export function UnknownValueNote({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p
      className="mt-3 rounded-md border border-slate-400 bg-slate-50 p-3 text-slate-900"
      data-testid="unknown-value-note"
    >
      {text}
    </p>
  );
}
