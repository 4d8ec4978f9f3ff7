"use client";

import { ACTION_WORDS, type DeskAction } from "@/lib/desk/desk-actions";
import type { Confirmation } from "@/components/desk/dialog/dialog-context";
import { RelativeTime } from "@/components/desk/relative-time";

/**
 * What just happened, visibly (not only for screen readers): "Disabled 0000
 * 0030 0201 · INC-1001 · just now", the new state, and what usually comes next
 * (an emergency code after a lost token, cancelling it when it is found).
 */
export function ConfirmationBanner({
  confirmation,
  followUps,
  onFollowUp,
}: {
  confirmation: Confirmation;
  followUps: DeskAction[];
  onFollowUp: (action: DeskAction, opener: HTMLElement) => void;
}) {
  const words = ACTION_WORDS[confirmation.action];
  return (
    <div
      className="rounded-md border-2 border-green-700 bg-green-50 px-4 py-3 text-green-950"
      data-testid="confirmation"
    >
      <p className="text-lg font-bold">
        <span aria-hidden className="mr-2">
          ✓
        </span>
        {words.done} {confirmation.subject}
        {confirmation.ticket && <> · {confirmation.ticket}</>} · <RelativeTime iso={confirmation.at} />
      </p>
      {confirmation.confirmedByReread && (
        <p>RSA&apos;s answer could not be read, but a fresh look at the token shows the change made.</p>
      )}
      {/* The new state and the likely next step share a line: the card's actions stay in view. */}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {confirmation.now && <p>{confirmation.now}</p>}
        {followUps.length > 0 && (
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-semibold">Next:</span>
            {followUps.map((action) => (
              <button
                key={action}
                type="button"
                data-followup={action}
                onClick={(event) => onFollowUp(action, event.currentTarget)}
                className="rounded-md border-2 border-green-800 bg-white px-3 py-1 font-semibold"
              >
                {ACTION_WORDS[action].label}{" "}
                <kbd className="ml-1 rounded border border-current/40 px-1 text-xs font-normal">
                  {ACTION_WORDS[action].shortcut.toUpperCase()}
                </kbd>
              </button>
            ))}
          </p>
        )}
      </div>
    </div>
  );
}
