"use client";

/**
 * The ticket the next change will be filed under, in view, with a way to drop
 * it. It belongs to what is on screen: a new serial or caller starts without
 * one (unless a ticket system's link brought it).
 */
export function TicketBar({ ticket, onClear }: { ticket: string; onClear: () => void }) {
  if (!ticket) return null;
  return (
    <p className="flex items-center gap-3 text-sm" data-testid="active-ticket">
      <span>
        Ticket for changes here: <span className="font-mono font-semibold">{ticket}</span>
      </span>
      <button
        type="button"
        onClick={onClear}
        className="min-h-8 rounded-md border border-slate-400 px-2 py-1 font-medium"
      >
        Clear ticket
      </button>
    </p>
  );
}
