"use client";

import { ACTION_WORDS, type DeskAction } from "@/lib/desk/desk-actions";

const STYLE: Partial<Record<DeskAction, string>> = {
  enable: "bg-green-700 hover:bg-green-800 text-white",
  disable: "bg-amber-500 hover:bg-amber-600 text-black",
  unassign: "bg-red-700 hover:bg-red-800 text-white",
};
const PLAIN = "border border-slate-500 bg-white hover:bg-slate-100 text-slate-900";

/** The actions that make sense right now, each with its key; the first ones are the likely ones. */
export function ActionBar({
  actions,
  onOpen,
  label = "Actions",
  size = "large",
}: {
  actions: readonly DeskAction[];
  onOpen: (action: DeskAction, opener: HTMLElement) => void;
  label?: string;
  size?: "large" | "small";
}) {
  if (actions.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label={label}>
      {actions.map((action) => {
        const words = ACTION_WORDS[action];
        return (
          <button
            key={action}
            type="button"
            data-action={action}
            onClick={(event) => onOpen(action, event.currentTarget)}
            aria-keyshortcuts={words.shortcut}
            className={`rounded-md font-semibold ${size === "large" ? "px-4 py-2 text-base" : "px-2.5 py-1 text-sm"} ${STYLE[action] ?? PLAIN}`}
          >
            {words.label}{" "}
            <kbd className="ml-1 rounded border border-current/40 px-1 text-xs font-normal opacity-90">
              {words.shortcut.toUpperCase()}
            </kbd>
          </button>
        );
      })}
    </div>
  );
}
