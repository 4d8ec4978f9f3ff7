"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useState } from "react";
import { ui } from "@/components/admin/ui";

/**
 * The administration page's dialogs: Radix (focus kept inside, Escape
 * cancels, focus returns to the button that opened it), one look. While a
 * change is under way the dialog cannot be dismissed, so its answer is seen.
 */
export function DialogFrame({
  title,
  busy,
  onClose,
  onOpenAutoFocus,
  children,
}: {
  title: React.ReactNode;
  busy: boolean;
  onClose: () => void;
  onOpenAutoFocus?: (event: Event) => void;
  children: React.ReactNode;
}) {
  // Radix returns the focus to a Dialog.Trigger; these dialogs are opened by the table's own buttons, so the
  // button that had the focus when the dialog opened gets it back.
  const [opener] = useState(() => (typeof document === "undefined" ? null : (document.activeElement as HTMLElement)));
  return (
    <Dialog.Root open onOpenChange={(open) => !open && !busy && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-black/40" />
        <Dialog.Content
          onOpenAutoFocus={onOpenAutoFocus}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (opener?.isConnected) opener.focus();
          }}
          className="fixed left-1/2 top-16 max-h-[calc(100vh-6rem)] w-[min(34rem,calc(100vw-2rem))] -translate-x-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl"
        >
          <Dialog.Title className="text-xl font-bold">{title}</Dialog.Title>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export const DialogClose = Dialog.Close;
export const DialogDescription = Dialog.Description;

/** A form dialog's Cancel and submit buttons; both wait while the change is under way. */
export function DialogButtons({
  busy,
  label,
  busyLabel,
  destructive = false,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  destructive?: boolean;
}) {
  return (
    <div className="mt-2 flex justify-end gap-3">
      <Dialog.Close asChild>
        <button type="button" disabled={busy} className={ui.secondaryButton}>
          Cancel
        </button>
      </Dialog.Close>
      <button
        type="submit"
        disabled={busy}
        aria-busy={busy}
        className={destructive ? ui.dangerButton : ui.primaryButton}
      >
        {busy ? busyLabel : label}
      </button>
    </div>
  );
}
