import type { ReactNode } from "react";
import type { HistoryRow } from "@/lib/audit/history-query";
import type { HistoryFilters } from "@/lib/audit/history-filters";
import {
  eventTitle,
  ownerLabel,
  reasonWords,
  resourceWords,
  stateLines,
  targetOf,
  type OwnerNames,
} from "@/lib/audit/history-words";
import { groupSerial } from "@/lib/tokens/serial";
import { LocalTime } from "@/components/local-time";
import { outcomeFacts, TONE } from "@/components/audit/event-outcome";
import { EventPivots, PIVOT_LINK } from "@/components/audit/event-pivots";

interface Fact {
  term: string;
  value: ReactNode;
}

const fact = (term: string, value: ReactNode): Fact => ({ term, value });

const record = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/** Everything recorded about one event, in words; the raw row stays one click further. */
export function EventDetail({
  row,
  owners,
  now,
  filters,
}: {
  row: HistoryRow;
  owners: OwnerNames;
  now: number;
  filters: HistoryFilters;
}) {
  return (
    <div className="grid gap-4 px-3 py-3 text-sm">
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        <Facts title="What happened" facts={whatHappened(row, owners)} />
        <Facts title="How it ended" facts={howItEnded(row, now)} />
        <Facts title="The record" facts={theRecord(row)} />
      </div>
      <EventPivots row={row} view={filters.action} />
      <details className="rounded-md border border-slate-300 bg-white">
        <summary className="flex min-h-8 cursor-pointer items-center px-3 font-medium text-blue-800">
          Raw record (JSON)
        </summary>
        <pre
          data-testid="raw-record"
          className="max-h-96 overflow-auto whitespace-pre-wrap break-all border-t border-slate-200 p-3 font-mono text-xs"
          // Focusable and named, so keyboard users can scroll a long record.
          tabIndex={0}
          role="region"
          aria-label="Raw record"
        >
          {JSON.stringify(row, null, 2)}
        </pre>
      </details>
    </div>
  );
}

function Facts({ title, facts }: { title: string; facts: Fact[] }) {
  return (
    <section aria-label={title}>
      <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-700">{title}</h2>
      <dl className="grid grid-cols-[7.5rem_minmax(0,1fr)] gap-x-3 gap-y-1">
        {facts.map(({ term, value }) => (
          <div key={term} className="contents">
            <dt className="font-medium text-slate-700">{term}</dt>
            <dd className="break-words">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function whatHappened(row: HistoryRow, owners: OwnerNames): Fact[] {
  const details = record(row.details);
  const facts: Fact[] = [fact("Event", eventTitle(row))];
  if (row.serial) facts.push(fact("Serial", <span className="font-mono">{groupSerial(row.serial)}</span>));
  const { lines, requested } = stateLines(row, owners);
  if (lines.length > 0)
    facts.push(
      fact(
        requested ? "Requested" : "Change",
        <ul>
          {lines.map((line) => (
            <li key={line.label}>
              {line.label}: {line.before} → <strong>{line.after}</strong>
            </li>
          ))}
          {requested && <li className="text-slate-700">(not confirmed: see how it ended)</li>}
        </ul>,
      ),
    );
  if (row.rsaUserId) facts.push(fact("Owner", ownerLabel(row.rsaUserId, owners)));
  if (row.type === "USER_ADMIN") facts.push(fact("User", targetOf(row) ?? "—"));
  if (row.ticket) facts.push(fact("Ticket", row.ticket));
  if (row.reason) facts.push(fact("Reason", reasonWords(row.reason)));
  if (row.note) facts.push(fact("Note", <span className="whitespace-pre-wrap">{row.note}</span>));
  if (row.type === "ACCESS_DENIED") {
    facts.push(fact("Asked for", resourceWords(row.action)));
    if (text(details?.permission)) facts.push(fact("Permission", text(details?.permission)));
  }
  if (row.type === "EXPORT" && typeof details?.filters === "string")
    facts.push(
      fact(
        "Exported view",
        <a className={PIVOT_LINK} href={`/audit?${details.filters}`}>
          open the exported view
        </a>,
      ),
    );
  if (row.type === "AUDIT_CHECKPOINT" && text(details?.hash))
    facts.push(fact("Head hash", <span className="break-all font-mono text-xs">{text(details?.hash)}</span>));
  return facts;
}

function howItEnded(row: HistoryRow, now: number): Fact[] {
  const { current, recorded, why } = outcomeFacts(row, now);
  const facts: Fact[] = [];
  if (recorded) {
    facts.push(
      fact(
        "Recorded outcome",
        <>
          <span className={TONE[recorded.tone]}>{recorded.text}</span>
          {row.outcomeAt && <When iso={row.outcomeAt.toISOString()} />}
        </>,
      ),
    );
    const by = text(record(row.resolutionDetails)?.resolvedBy);
    facts.push(
      fact(
        "Resolved later",
        <>
          <span className={TONE[current.tone]}>{current.text}</span>
          {row.resolvedAt && <When iso={row.resolvedAt.toISOString()} />}
          {by && <span className="block text-slate-700">by {by}</span>}
        </>,
      ),
    );
  } else {
    facts.push(
      fact(
        "Outcome",
        <>
          <span className={TONE[current.tone]}>{current.text || "—"}</span>
          {row.outcomeAt && <When iso={row.outcomeAt.toISOString()} />}
        </>,
      ),
    );
  }
  if (why) facts.push(fact("Why", why));
  facts.push(...rsaAnswer(row));
  if (row.durationMs !== null) facts.push(fact("Duration", `${row.durationMs.toLocaleString("en")} ms`));
  if (row.requestId)
    facts.push(fact("Reference id", <span className="break-all font-mono text-xs">{row.requestId}</span>));
  return facts;
}

function rsaAnswer(row: HistoryRow): Fact[] {
  const said = record(row.outcomeDetails) ?? record(row.details);
  const description = text(said?.rsaDescription);
  const code = text(said?.rsaCode);
  if (row.rsaStatus === null && !description) return [];
  const status = row.rsaStatus !== null ? `HTTP ${row.rsaStatus}` : null;
  return [
    fact(
      "RSA's answer",
      <>
        {[status, code].filter(Boolean).join(" · ") || "—"}
        {description && <q className="block text-slate-800">{description}</q>}
      </>,
    ),
  ];
}

function theRecord(row: HistoryRow): Fact[] {
  const who = row.actorName ?? row.actorEmail ?? "not signed in";
  const facts: Fact[] = [
    fact("Time", <When iso={row.occurredAt.toISOString()} utc />),
    fact(
      "By",
      <>
        {who}
        {row.actorEmail && row.actorName && <span className="block text-slate-700">{row.actorEmail}</span>}
        {row.actorRole && <span className="block text-slate-700">{row.actorRole.toLowerCase()}</span>}
      </>,
    ),
  ];
  if (row.clientIp) facts.push(fact("Client address", <span className="font-mono">{row.clientIp}</span>));
  if (row.userAgent) facts.push(fact("Browser", <span className="text-xs">{row.userAgent}</span>));
  facts.push(fact("Event id", <span className="break-all font-mono text-xs">{row.id}</span>));
  facts.push(fact("Chain position", `row ${Number(row.seq).toLocaleString("en")}`));
  facts.push(fact("Row hash", <span className="break-all font-mono text-xs">{row.hash}</span>));
  return facts;
}

/** A time with seconds in the viewer's zone, and (where asked) the UTC instant written out for keyboard users. */
function When({ iso, utc = false }: { iso: string; utc?: boolean }) {
  return (
    <span className="block text-slate-700">
      <LocalTime iso={iso} withSeconds />
      {utc && <span className="block text-xs">{iso.replace("T", " ").replace(/\.\d+Z$/, " UTC")}</span>}
    </span>
  );
}
