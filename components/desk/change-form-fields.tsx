"use client";

import { useState, type RefObject } from "react";

interface Props {
  ticketRef: RefObject<HTMLInputElement | null>;
  initialTicket: string;
  reasons: Record<string, string>;
  confirmDigitsFor: string | null;
  fieldErrors: Record<string, string>;
}

const input = "mt-1 block w-full rounded-md border border-slate-400 px-3 py-2";

/** Ticket first (focused), then reason and note; for unassign, the last four digits. */
export function ChangeFormFields({ ticketRef, initialTicket, reasons, confirmDigitsFor, fieldErrors }: Props) {
  const [reason, setReason] = useState("");
  return (
    <>
      <Field id="ticket" label="Ticket reference" error={fieldErrors.ticket}>
        <input
          ref={ticketRef}
          id="ticket"
          name="ticket"
          defaultValue={initialTicket}
          maxLength={64}
          required
          autoComplete="off"
          className={input}
          aria-invalid={!!fieldErrors.ticket || undefined}
          aria-describedby="ticket-error"
        />
      </Field>
      <Field id="reason" label="Reason" error={fieldErrors.reason}>
        <select
          id="reason"
          name="reason"
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          className={input}
          aria-invalid={!!fieldErrors.reason || undefined}
          aria-describedby="reason-error"
        >
          <option value="" disabled>
            Choose a reason…
          </option>
          {Object.entries(reasons).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="note"
        label={reason === "other" ? "Note (required for Other)" : "Note (optional)"}
        error={fieldErrors.note}
      >
        <textarea
          id="note"
          name="note"
          rows={2}
          maxLength={500}
          className={input}
          aria-invalid={!!fieldErrors.note || undefined}
          aria-describedby="note-error"
        />
      </Field>
      {confirmDigitsFor && (
        <Field
          id="confirmDigits"
          label={`Type the last four digits of the serial (${confirmDigitsFor.slice(-4)}) to confirm`}
          error={fieldErrors.confirmDigits}
        >
          <input
            id="confirmDigits"
            name="confirmDigits"
            inputMode="numeric"
            maxLength={4}
            autoComplete="off"
            className={`${input} font-mono`}
            aria-invalid={!!fieldErrors.confirmDigits || undefined}
            aria-describedby="confirmDigits-error"
          />
        </Field>
      )}
    </>
  );
}

function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {children}
      <p id={`${id}-error`} className="mt-0.5 text-sm text-red-700">
        {error}
      </p>
    </div>
  );
}
