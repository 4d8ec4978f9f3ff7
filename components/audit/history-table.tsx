import Link from "next/link";
import type { HistoryRow } from "@/lib/audit/history-query";
import { outcomeWords, type OutcomeWords } from "@/lib/audit/outcome-words";
import { LocalTime } from "@/components/local-time";
import { groupSerial } from "@/lib/tokens/serial";
import { CHANGE_REASONS } from "@/lib/tokens/change-reasons";

const EVENT_LABELS: Record<string, string> = {
  CHANGE_INTENT: "Change",
  CHANGE_REFUSED: "Refused change",
  LOOKUP: "Lookup",
  SIGN_IN: "Sign-in",
  SIGN_IN_FAILED: "Failed sign-in",
  SIGN_OUT: "Sign-out",
  ACCESS_DENIED: "Access denied",
  EXPORT: "Export",
};

function outcomeText(row: HistoryRow, now: number): OutcomeWords {
  const words = outcomeWords(row, now);
  const quiet = ["SUCCESS", "FOUND", "APPLIED"].includes(row.outcome ?? "") || row.resolution;
  const error = row.errorCode && !quiet ? `: ${row.errorCode.toLowerCase().replace(/_/g, " ")}` : "";
  const status = row.rsaStatus && !quiet ? ` (RSA ${row.rsaStatus})` : "";
  return { text: `${words.text}${error}${status}`, tone: words.tone };
}

const TONE = {
  ok: "text-green-800",
  bad: "text-red-800 font-semibold",
  unknown: "text-amber-900 font-semibold",
  neutral: "text-slate-700",
};

/** The dense table supervisors read; each row opens to every recorded field. */
export function HistoryTable({ rows, now }: { rows: HistoryRow[]; now: number }) {
  if (rows.length === 0) {
    return (
      <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">
        No audit events match these filters.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-left text-sm" data-testid="audit-table">
        <thead className="bg-slate-100">
          <tr>
            {["Time", "Agent", "Event", "Serial", "RSA user", "Ticket", "Reason", "Outcome", "ms", ""].map((h) => (
              <th key={h} scope="col" className="px-2 py-2 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const outcome = outcomeText(row, now);
            return (
              <tr key={row.id} className="border-t border-slate-200 align-top" data-testid="audit-row">
                <td className="whitespace-nowrap px-2 py-1.5">
                  <LocalTime iso={row.occurredAt.toISOString()} />
                </td>
                <td className="px-2 py-1.5">
                  {row.actorId ? (
                    <>
                      <Link
                        href={`/audit?agent=${row.actorId}&range=today`}
                        className="text-blue-800 underline"
                        title="What this agent did today"
                      >
                        {row.actorName ?? row.actorEmail}
                      </Link>{" "}
                      <Link
                        href={`/audit?agent=${row.actorId}&range=7d`}
                        className="text-xs text-blue-800 underline"
                        title="What this agent did in the last 7 days"
                      >
                        7 days
                      </Link>
                    </>
                  ) : (
                    (row.actorName ?? row.actorEmail ?? "—")
                  )}
                </td>
                <td className="px-2 py-1.5">
                  {EVENT_LABELS[row.type] ?? row.type}
                  {row.action && !row.action.startsWith("EXPORT") ? ` · ${row.action.toLowerCase()}` : ""}
                </td>
                <td className="whitespace-nowrap px-2 py-1.5 font-mono">
                  {row.serial ? (
                    <Link href={`/audit?serial=${row.serial}&range=all`} className="underline">
                      {groupSerial(row.serial)}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="max-w-40 truncate px-2 py-1.5 font-mono text-xs" title={row.rsaUserId ?? ""}>
                  {row.rsaUserId ?? "—"}
                </td>
                <td className="px-2 py-1.5">{row.ticket ?? "—"}</td>
                <td className="px-2 py-1.5">
                  {row.reason ? (CHANGE_REASONS[row.reason as keyof typeof CHANGE_REASONS] ?? row.reason) : "—"}
                </td>
                <td className={`px-2 py-1.5 ${TONE[outcome.tone]}`}>{outcome.text || "—"}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{row.durationMs ?? ""}</td>
                <td className="px-2 py-1.5">
                  <details>
                    <summary className="cursor-pointer text-blue-800 underline">Details</summary>
                    <RowDetail row={row} />
                  </details>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function RowDetail({ row }: { row: HistoryRow }) {
  const fields: [string, unknown][] = [
    ["Event id", row.id],
    ["Chain position", row.seq],
    ["Agent email", row.actorEmail],
    ["Agent role", row.actorRole],
    ["Token type", row.tokenType],
    ["Note", row.note],
    ["State before", row.stateBefore],
    ["State after", row.stateAfter],
    ["RSA status", row.rsaStatus],
    ["Error code", row.errorCode],
    ["Outcome recorded", row.outcomeAt?.toISOString()],
    ["Outcome recorded by", row.outcomeActor],
    ["Resolution", row.resolution],
    ["Resolved", row.resolvedAt?.toISOString()],
    ["Resolution details", row.resolutionDetails],
    ["Request id", row.requestId],
    ["Client IP", row.clientIp],
    ["User agent", row.userAgent],
    ["Details", row.details],
    ["Outcome details", row.outcomeDetails],
    ["Row hash", row.hash],
  ];
  return (
    <dl className="mt-2 grid min-w-96 grid-cols-[9rem_1fr] gap-x-3 gap-y-1 text-xs">
      {fields.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-semibold text-slate-600">{term}</dt>
          <dd className="break-all font-mono">
            {value === null || value === undefined
              ? "—"
              : typeof value === "object"
                ? JSON.stringify(value)
                : String(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
