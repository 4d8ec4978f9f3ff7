"use client";

import { useState, type RefObject } from "react";
import { CHANGE_REASONS } from "@/lib/tokens/change-reasons";
import { Field, describedBy, inputClass } from "@/components/desk/dialog/field";

export interface DetailsDraft {
  ticket: string;
  reason: string;
  note: string;
}

/** The ticket (focused first) and the reason of every change. */
export function TicketAndReason({
  ticketRef,
  draft,
  fieldErrors,
  onReason,
}: {
  ticketRef: RefObject<HTMLInputElement | null>;
  draft: DetailsDraft;
  fieldErrors: Record<string, string>;
  onReason: (reason: string) => void;
}) {
  const [reason, setReason] = useState(draft.reason);
  return (
    <>
      <Field id="ticket" label="Ticket reference" error={fieldErrors.ticket}>
        <input
          ref={ticketRef}
          id="ticket"
          name="ticket"
          defaultValue={draft.ticket}
          maxLength={64}
          required
          autoComplete="off"
          className={inputClass}
          {...describedBy("ticket", fieldErrors.ticket)}
        />
      </Field>
      <Field id="reason" label="Reason" error={fieldErrors.reason}>
        <select
          id="reason"
          name="reason"
          required
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            onReason(e.target.value);
          }}
          className={inputClass}
          {...describedBy("reason", fieldErrors.reason)}
        >
          <option value="" disabled>
            Choose a reason…
          </option>
          {Object.entries(CHANGE_REASONS).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}

/** The optional note, always last: one line, so Enter submits from it too. Required for "Other". */
export function NoteField({ draft, reason, error }: { draft: DetailsDraft; reason: string; error?: string }) {
  return (
    <Field id="note" label={reason === "other" ? "Note (required for Other)" : "Note (optional)"} error={error}>
      <input
        id="note"
        name="note"
        defaultValue={draft.note}
        maxLength={500}
        required={reason === "other"}
        autoComplete="off"
        className={inputClass}
        {...describedBy("note", error)}
      />
    </Field>
  );
}
