"use client";

import { groupSerial } from "@/lib/tokens/serial";

export function RecentSearches({ serials, onPick }: { serials: string[]; onPick: (serial: string) => void }) {
  if (serials.length === 0) return null;
  return (
    <nav aria-label="Recent searches" className="mt-1 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600">Recent:</span>
      {serials.map((serial) => (
        <button
          key={serial}
          type="button"
          onClick={() => onPick(serial)}
          className="rounded-full border border-slate-300 bg-white px-3 py-1 font-mono hover:bg-slate-100"
        >
          {groupSerial(serial)}
        </button>
      ))}
    </nav>
  );
}
