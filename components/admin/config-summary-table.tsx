import type { ConfigEntry } from "@/lib/admin/types";

/** Every setting of lib/env.ts with its value; a secret only as set or not set. */
export function ConfigSummaryTable({ entries }: { entries: ConfigEntry[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed border-collapse text-left text-sm" aria-label="Configuration">
        <colgroup>
          <col className="w-80" />
          <col />
        </colgroup>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="px-3 py-2">
              Setting
            </th>
            <th scope="col" className="px-3 py-2">
              Value
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.name} className="border-b border-slate-100" data-testid="config-row">
              <th scope="row" className="whitespace-nowrap px-3 py-1.5 font-mono text-xs font-semibold">
                {entry.name}
              </th>
              <td className="px-3 py-1.5 [overflow-wrap:anywhere]">
                <Value entry={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Value({ entry }: { entry: ConfigEntry }) {
  if (entry.kind === "secret")
    return (
      <>
        <span className="font-medium">{entry.shown}</span>
        <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-semibold text-slate-700">
          secret, never shown
        </span>
      </>
    );
  if (entry.kind === "unset") return <span className="text-slate-600">not set</span>;
  return (
    <>
      <code className="font-mono text-xs">{entry.shown}</code>
      {entry.isDefault && <span className="ml-2 text-xs text-slate-600">(default)</span>}
    </>
  );
}
