import {
  ACTION_FILTERS,
  DEFAULT_PAGE_ACTION,
  OUTCOME_FILTERS,
  RANGES,
  type HistoryFilters,
} from "@/lib/audit/history-filters";

const control = "mt-0.5 block min-h-9 w-full rounded-md border border-slate-500 bg-white px-2 text-sm";

/** A plain GET form: the filters live in the URL, so every view can be bookmarked and shared. */
export function HistoryFiltersForm({
  filters,
  agents,
}: {
  filters: HistoryFilters;
  agents: { id: string; name: string }[];
}) {
  return (
    <form
      method="get"
      action="/audit"
      role="search"
      aria-label="Filter the audit history"
      className="grid grid-cols-2 gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white p-3 md:grid-cols-4 lg:grid-cols-5 xl:grid-cols-[8rem_11rem_10rem_repeat(4,minmax(0,1fr))_auto]"
    >
      <Field label="Time" id="range">
        <select id="range" name="range" defaultValue={filters.range} className={control}>
          {Object.entries(RANGES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      {/* Shown only while "Custom" is chosen (app/globals.css), so they cost no Tab stops otherwise. */}
      <Field label="From (custom range, UTC)" id="from" className="custom-range">
        <input id="from" name="from" type="datetime-local" defaultValue={filters.from ?? ""} className={control} />
      </Field>
      <Field label="To (custom range, UTC)" id="to" className="custom-range">
        <input id="to" name="to" type="datetime-local" defaultValue={filters.to ?? ""} className={control} />
      </Field>
      <Field label="Action" id="action">
        <select id="action" name="action" defaultValue={filters.action ?? DEFAULT_PAGE_ACTION} className={control}>
          {Object.entries(ACTION_FILTERS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Outcome" id="outcome">
        <select id="outcome" name="outcome" defaultValue={filters.outcome ?? ""} className={control}>
          <option value="">Any outcome</option>
          {Object.entries(OUTCOME_FILTERS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Agent" id="agent">
        <select id="agent" name="agent" defaultValue={filters.agent ?? ""} className={control}>
          <option value="">Anyone</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Serial" id="serial">
        <input
          id="serial"
          name="serial"
          defaultValue={filters.serial ?? ""}
          inputMode="numeric"
          className={`${control} font-mono`}
        />
      </Field>
      <Field label="Ticket" id="ticket">
        <input id="ticket" name="ticket" defaultValue={filters.ticket ?? ""} className={control} />
      </Field>
      <Field label="Owner (RSA id)" id="rsaUser">
        <input id="rsaUser" name="rsaUser" defaultValue={filters.rsaUser ?? ""} className={`${control} font-mono`} />
      </Field>
      <div className="flex items-end gap-2">
        <button
          type="submit"
          className="min-h-9 whitespace-nowrap rounded-md bg-blue-700 px-4 text-sm font-semibold text-white hover:bg-blue-800"
        >
          Apply filters
        </button>
        <a
          href="/audit"
          className="inline-flex min-h-9 items-center rounded-md border border-slate-400 px-3 text-sm font-medium"
        >
          Clear
        </a>
      </div>
    </form>
  );
}

function Field({
  label,
  id,
  className,
  children,
}: {
  label: string;
  id: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-xs font-semibold text-slate-700">
        {label}
      </label>
      {children}
    </div>
  );
}
