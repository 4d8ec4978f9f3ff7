"use client";

import { useEffect, type RefObject } from "react";

/** A refusal or failure in a dialog, in words, with the reference to quote; its room is kept so nothing moves. */
export interface Failure {
  message: string;
  referenceId?: string;
  fieldErrors?: Record<string, string>;
}

export function FailureMessage({ failure }: { failure: Failure | null }) {
  // A refusal about a field is said beside that field (which takes the focus), not twice.
  const shown = failure && !failure.fieldErrors ? failure : null;
  return (
    <div role="alert" className="min-h-6 text-sm font-medium text-red-800" data-testid="dialog-error">
      {shown && (
        <>
          {shown.message}
          {shown.referenceId && (
            <span className="block font-normal">
              Reference: <span className="font-mono">{shown.referenceId}</span>
            </span>
          )}
        </>
      )}
    </div>
  );
}

/** Moves the focus to the first field a refusal is about, where a screen reader reads its sentence. */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, failure: Failure | null): void {
  useEffect(() => {
    if (failure?.fieldErrors) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, failure]);
}
