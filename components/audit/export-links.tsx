const LINK =
  "inline-flex min-h-8 items-center rounded-md border border-slate-500 bg-white px-3 font-medium text-blue-800 hover:bg-slate-100";

/** Downloads of exactly the filtered set (every page of it, not only the one on screen). */
export function ExportLinks({ query }: { query: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2 pb-1 text-sm">
      <span className="text-slate-700">Export this filtered set (every page):</span>
      <a className={LINK} href={`/api/audit/export?${query}&format=csv`}>
        CSV
      </a>
      <a className={LINK} href={`/api/audit/export?${query}&format=jsonl`}>
        JSON Lines
      </a>
    </div>
  );
}
