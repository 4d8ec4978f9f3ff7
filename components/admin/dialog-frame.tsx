"use client";

import * as Dialog from "@radix-ui/react-dialog";

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
  return (
    <Dialog.Root open onOpenChange={(open) => !open && !busy && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-black/40" />
        <Dialog.Content
          onOpenAutoFocus={onOpenAutoFocus}
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
