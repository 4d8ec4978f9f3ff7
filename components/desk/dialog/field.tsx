/**
 * A labelled form control with its error sentence below it (announced with
 * the control; its room kept, so nothing moves when it appears). Used by the
 * desk's dialogs and the administration page.
 */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold text-slate-800">
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

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700";

/** The aria attributes that tie a control to its hint and error. */
export function describedBy(id: string, error: string | undefined, hint = false) {
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(" "),
  } as const;
}
