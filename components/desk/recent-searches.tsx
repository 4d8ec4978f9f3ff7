"use client";

import type { RecentSearch } from "@/lib/audit/serial-history";
import { groupSerial } from "@/lib/tokens/serial";

export const recentText = (item: RecentSearch) => (item.kind === "token" ? item.serial : item.email);

/** The agent's own last searches, one click (or Tab, Enter) to repeat. */
export function RecentSearches({ items, onPick }: { items: RecentSearch[]; onPick: (text: string) => void }) {
  if (items.length === 0) return null;
  return (
    <nav aria-label="Recent searches" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600">Recent:</span>
      {items.map((item) => (
        <button
          key={recentText(item)}
          type="button"
          onClick={() => onPick(recentText(item))}
          className={`min-h-8 rounded-full border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100 ${item.kind === "token" ? "font-mono" : ""}`}
        >
          {item.kind === "token" ? groupSerial(item.serial) : item.email}
        </button>
      ))}
    </nav>
  );
}
