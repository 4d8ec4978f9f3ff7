import { ui } from "@/components/admin/ui";

/** A label, the control, and the sentence that refuses it (its room kept, so nothing moves when it appears). */
export function FormField({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className={ui.label}>
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {children}
      <p id={`${id}-error`} className="mt-0.5 min-h-5 text-sm text-red-700">
        {error}
      </p>
    </div>
  );
}

/** The optional reason every user change may carry into the audit trail. */
export function ReasonField({
  id,
  error,
  inputRef,
}: {
  id: string;
  error?: string;
  inputRef?: React.Ref<HTMLInputElement>;
}) {
  return (
    <FormField id={id} label="Reason (optional)" error={error} hint="Recorded in the audit trail with the change.">
      <input
        ref={inputRef}
        id={id}
        name="reason"
        maxLength={500}
        autoComplete="off"
        className={ui.input}
        aria-invalid={!!error || undefined}
        aria-describedby={`${id}-hint ${id}-error`}
      />
    </FormField>
  );
}
