import type { CheckFinding } from "@/lib/admin/types";

const MARK: Record<CheckFinding["level"], { sign: string; word: string; style: string }> = {
  ok: { sign: "✓", word: "OK", style: "text-green-800" },
  info: { sign: "•", word: "Note", style: "text-slate-600" },
  warn: { sign: "!", word: "Warning", style: "text-amber-800" },
  fail: { sign: "✗", word: "Failed", style: "text-red-800" },
};

/** What the RSA check saw, line by line, as `npm run rsa:check` prints it. */
export function FindingsList({ findings }: { findings: CheckFinding[] }) {
  return (
    <ul className="grid gap-1.5 text-sm" data-testid="rsa-findings">
      {findings.map((finding, index) => {
        const mark = MARK[finding.level];
        return (
          <li key={index} className="flex gap-2">
            <span aria-hidden className={`w-4 shrink-0 text-center font-bold ${mark.style}`}>
              {mark.sign}
            </span>
            <span className="break-words [overflow-wrap:anywhere]">
              <span className="sr-only">{mark.word}: </span>
              {finding.text}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
