import type { HistoryRow } from "@/lib/audit/history-query";
import { outcomeWords, type OutcomeWords } from "@/lib/audit/outcome-words";
import { errorWords } from "@/lib/audit/history-words";

export const TONE = {
  ok: "text-green-800",
  bad: "text-red-800 font-semibold",
  unknown: "text-amber-900 font-semibold",
  neutral: "text-slate-700",
} as const;

export interface OutcomeFacts {
  /** What is known now: the resolution when there is one, else the outcome as recorded. */
  current: OutcomeWords;
  /** The outcome as first recorded, when a later resolution has settled it. */
  recorded: OutcomeWords | null;
  /** Why it was refused or left unknown, in words. */
  why: string | null;
}

export function outcomeFacts(row: HistoryRow, now: number): OutcomeFacts {
  const current = outcomeWords(row, now);
  const recorded = row.resolution ? outcomeWords({ ...row, resolution: null }, now) : null;
  const settledWell = ["SUCCESS", "FOUND"].includes(row.outcome ?? "") && !row.errorCode;
  return { current, recorded, why: settledWell ? null : errorWords(row.errorCode) };
}

/** The table's outcome cell: what is known now, and, once resolved, what was first recorded. */
export function EventOutcome({ row, now }: { row: HistoryRow; now: number }) {
  const { current, recorded, why } = outcomeFacts(row, now);
  return (
    <>
      <span className={TONE[current.tone]}>{current.text || "—"}</span>
      {recorded && <span className="block text-xs text-slate-700">recorded as {recorded.text}</span>}
      {why && !recorded && <span className="block text-xs text-slate-700">{why}</span>}
    </>
  );
}
