import type { Verdict, VerdictTone } from "@/lib/desk/verdict";

const TONE: Record<VerdictTone, string> = {
  works: "border-green-700 bg-green-50 text-green-950",
  problem: "border-red-700 bg-red-50 text-red-950",
  waiting: "border-amber-600 bg-amber-50 text-amber-950",
  neutral: "border-slate-500 bg-slate-50 text-slate-950",
  unknown: "border-slate-700 bg-white text-slate-950",
};
const MARK: Record<VerdictTone, string> = { works: "✓", problem: "✕", waiting: "…", neutral: "–", unknown: "?" };

/** The answer to "why doesn't my token work", first on the card, with the line to read to the caller. */
export function VerdictBanner({ verdict }: { verdict: Verdict }) {
  return (
    <div
      className={`rounded-md border-l-8 px-4 py-3 ${TONE[verdict.tone]}`}
      data-testid="verdict"
      data-tone={verdict.tone}
    >
      <p className="text-xl font-bold">
        <span aria-hidden className="mr-2">
          {MARK[verdict.tone]}
        </span>
        {verdict.headline}
      </p>
      <p className="mt-1 text-base" data-testid="say-line">
        <span className="font-semibold">Say:</span> “{verdict.sayToCaller}”
      </p>
    </div>
  );
}
