"use client";

import { LocalTime } from "@/components/local-time";
import { useSerialHistory } from "@/components/desk/queries";
import { CHANGE_REASONS } from "@/lib/tokens/change-reasons";
import type { HistoryEntry } from "@/lib/audit/serial-history";
import { outcomeWords, type OutcomeTone } from "@/lib/audit/outcome-words";

const TONE: Record<OutcomeTone, string> = {
  ok: "text-green-800",
  bad: "text-red-800",
  unknown: "text-amber-900",
  neutral: "text-slate-700",
};

/** "Who disabled this and why?" answered without leaving the call. */
export function HistoryTimeline({ serial, lookupAt }: { serial: string; lookupAt: number }) {
  const history = useSerialHistory(serial, lookupAt);
  return (
    <aside aria-labelledby="history-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="history-heading" className="text-lg font-semibold">
        History of this serial
      </h2>
      {history.isPending ? (
        <p className="mt-2 text-sm text-slate-600">Loading…</p>
      ) : !history.data?.ok ? (
        <p className="mt-2 text-sm text-red-800">The history could not be loaded.</p>
      ) : history.data.data.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">Nothing recorded yet.</p>
      ) : (
        <ol className="mt-2 space-y-3" data-testid="history">
          {history.data.data.map((e) => (
            <li key={e.id} className="border-l-4 border-slate-300 pl-3 text-sm">
              <div className="font-medium">
                {e.type === "LOOKUP" ? "Looked up" : `${capitalise(e.action ?? "change")}`}{" "}
                <OutcomeLabel entry={e} now={lookupAt} />
              </div>
              <div className="text-slate-700">
                {e.actorName ?? "unknown"} · <LocalTime iso={e.at} />
              </div>
              {e.ticket && (
                <div className="text-slate-700">
                  Ticket {e.ticket}
                  {e.reason && ` · ${CHANGE_REASONS[e.reason as keyof typeof CHANGE_REASONS] ?? e.reason}`}
                  {e.note && ` · “${e.note}”`}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}

function capitalise(text: string): string {
  return text.charAt(0) + text.slice(1).toLowerCase();
}

/** `now` is when the history was fetched: a change older than the reconcile delay reads as "waiting to be confirmed". */
function OutcomeLabel({ entry, now }: { entry: HistoryEntry; now: number }) {
  const words = outcomeWords(
    {
      type: entry.type === "CHANGE" ? "CHANGE_INTENT" : entry.type,
      outcome: entry.outcome,
      resolution: entry.resolution,
      occurredAt: entry.at,
    },
    now,
  );
  const error =
    entry.errorCode && !["SUCCESS", "FOUND"].includes(entry.outcome ?? "") && !entry.resolution
      ? `: ${entry.errorCode.toLowerCase().replace(/_/g, " ")}`
      : "";
  return (
    <span className={TONE[words.tone]}>
      ({words.text}
      {error})
    </span>
  );
}
