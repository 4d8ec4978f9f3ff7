"use client";

import { useEffect, useState } from "react";
import {
  ACTION_LABELS,
  ACTION_SHORTCUTS,
  type TokenAction,
  type TokenSnapshot,
  type TokenType,
} from "@/lib/tokens/token-actions";
import { ConfirmChangeDialog } from "@/components/desk/confirm-change-dialog";

interface TokenActionsProps {
  serial: string;
  tokenType: TokenType;
  snapshot: TokenSnapshot;
  actions: TokenAction[];
  ticket: string;
  onTicketUsed: (ticket: string) => void;
  onAnnounce: (message: string) => void;
}

const STYLE: Record<TokenAction, string> = {
  enable: "bg-green-700 hover:bg-green-800 text-white",
  disable: "bg-amber-600 hover:bg-amber-700 text-black",
  unassign: "bg-red-700 hover:bg-red-800 text-white",
};

/** The actions allowed in the current state, each with its keyboard shortcut. */
export function TokenActions({
  serial,
  tokenType,
  snapshot,
  actions,
  ticket,
  onTicketUsed,
  onAnnounce,
}: TokenActionsProps) {
  const [open, setOpen] = useState<TokenAction | null>(null);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (open || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true], [role=dialog]")) return;
      const action = actions.find((a) => ACTION_SHORTCUTS[a] === event.key.toLowerCase());
      if (action) {
        event.preventDefault();
        setOpen(action);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [actions, open]);

  // The open dialog outlives the buttons: when RSA refuses because the token
  // moved on (say, unassigned by someone else), the panel behind refreshes to a
  // state with no actions, and the agent must still read why nothing was done.
  const dialog = open && (
    <ConfirmChangeDialog
      key={open}
      action={open}
      serial={serial}
      tokenType={tokenType}
      before={snapshot}
      initialTicket={ticket}
      onClose={() => setOpen(null)}
      onDone={(message, usedTicket) => {
        onTicketUsed(usedTicket);
        onAnnounce(message);
        setOpen(null);
      }}
    />
  );

  // One tree shape whatever the actions, so the dialog is never remounted (and its message lost) by a refresh.
  return (
    <>
      {actions.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-700" data-testid="no-actions">
          {snapshot.tokenState === "Unassigned"
            ? "This token is not assigned to anyone, so it cannot be enabled, disabled or unassigned."
            : "No change is possible in this state."}
        </p>
      ) : (
        <div className="flex flex-wrap gap-3" role="group" aria-label="Actions">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              onClick={() => setOpen(action)}
              aria-keyshortcuts={ACTION_SHORTCUTS[action]}
              className={`rounded-md px-5 py-2.5 text-lg font-semibold ${STYLE[action]}`}
            >
              {ACTION_LABELS[action]} token{" "}
              <kbd className="ml-1 rounded border border-current/40 px-1.5 text-sm font-normal opacity-90">
                {ACTION_SHORTCUTS[action].toUpperCase()}
              </kbd>
            </button>
          ))}
        </div>
      )}
      {dialog}
    </>
  );
}
