"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

interface ModalFrameProps {
  title: ReactNode;
  description: ReactNode;
  children: ReactNode;
  /** Escape asks to close; ignored while `busy` (a change on its way is never abandoned by a key). */
  onDismiss: () => void;
  busy: boolean;
  /** What gets focus when it opens (the dialog's first field). */
  initialFocus: () => HTMLElement | null | undefined;
  /** Where focus goes when it closes (the control that opened it). */
  returnFocus?: () => void;
}

/**
 * The browser's own modal dialog (<dialog> with showModal): the page behind is
 * inert, Escape cancels, screen readers hear a dialog named by its title —
 * without a dialog library in the desk's first load. Open while mounted; a
 * click outside does not close it, so nothing typed is lost by a stray click.
 */
export function ModalFrame({
  title,
  description,
  children,
  onDismiss,
  busy,
  initialFocus,
  returnFocus,
}: ModalFrameProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  // The latest callbacks, for the open/close effect that runs once.
  const latest = useRef({ onDismiss, busy, initialFocus, returnFocus });
  useEffect(() => {
    latest.current = { onDismiss, busy, initialFocus, returnFocus };
  });

  useEffect(() => {
    const dialog = ref.current!;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    const first = latest.current.initialFocus();
    first?.focus();
    if (first instanceof HTMLInputElement) first.select(); // a pre-filled ticket is replaced by typing
    return () => {
      dialog.close();
      const back = latest.current.returnFocus;
      if (back) back();
      else before?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        event.preventDefault();
        if (!latest.current.busy) latest.current.onDismiss();
      }}
      // Chrome may close a dialog on a repeated Escape even when cancel is prevented: open it again while busy.
      onClose={(event) => {
        if (!ref.current?.isConnected) return;
        if (latest.current.busy) event.currentTarget.showModal();
        else latest.current.onDismiss();
      }}
      className="mx-auto mt-10 max-h-[calc(100vh-5rem)] w-[min(38rem,calc(100vw-2rem))] overflow-y-auto rounded-lg bg-white p-6 shadow-xl backdrop:bg-black/40"
    >
      <h2 id={titleId} className="text-xl font-bold">
        {title}
      </h2>
      <div id={descriptionId} className="mt-2 space-y-1">
        {description}
      </div>
      {children}
    </dialog>
  );
}
