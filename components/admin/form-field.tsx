import { ui } from "@/components/admin/ui";

import { Field } from "@/components/desk/dialog/field";

/** A label, the control, and the sentence that refuses it: the same field as the desk's dialogs. */
export const FormField = Field;

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
