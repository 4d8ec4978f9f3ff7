"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { changeTokenAction } from "@/lib/actions/change-token-action";
import { CHANGE_REASONS } from "@/lib/tokens/change-reasons";
import { groupSerial } from "@/lib/tokens/serial";
import {
  ACTION_LABELS,
  consequence,
  expectedAfter,
  type TokenAction,
  type TokenSnapshot,
  type TokenType,
} from "@/lib/tokens/token-actions";
import { historyQueryKey, tokenQueryKey } from "@/components/desk/use-token-lookup";
import { ChangeFormFields } from "@/components/desk/change-form-fields";

interface Props {
  action: TokenAction;
  serial: string;
  tokenType: TokenType;
  before: TokenSnapshot;
  initialTicket: string;
  onClose: () => void;
  onDone: (message: string, ticket: string) => void;
}

function describe(snapshot: TokenSnapshot, action: TokenAction): string {
  return action === "unassign"
    ? `${snapshot.tokenState}${snapshot.userId ? " (assigned)" : ""}`
    : (snapshot.tokenStatus ?? "unknown");
}

/** Confirms one change: what it does, ticket and reason, and RSA's answer in plain words. */
export function ConfirmChangeDialog({ action, serial, tokenType, before, initialTicket, onClose, onDone }: Props) {
  const queryClient = useQueryClient();
  const ticketRef = useRef<HTMLInputElement>(null);
  const [failure, setFailure] = useState<{
    message: string;
    reference?: string;
    fieldErrors?: Record<string, string>;
  } | null>(null);
  const after = expectedAfter(action, before);
  const label = `${ACTION_LABELS[action]} token`;

  const mutation = useMutation({
    mutationFn: changeTokenAction,
    onSuccess: async (result, variables) => {
      // Not awaited: the history refreshes behind the dialog without holding it "pending".
      void queryClient.invalidateQueries({ queryKey: historyQueryKey(serial) });
      if (result.ok) {
        await queryClient.invalidateQueries({ queryKey: tokenQueryKey(serial) });
        onDone(
          `${ACTION_LABELS[action]}d: token ${groupSerial(serial)} is now ${describe(result.data.after, action)}.`,
          String((variables as { ticket: string }).ticket),
        );
        return;
      }
      setFailure({ message: result.message, reference: result.referenceId, fieldErrors: result.fieldErrors });
      // Show the token as it is now behind the dialog when RSA's state moved.
      // (Not awaited either, so the agent can close the dialog at once.)
      if (result.code === "STATE_CHANGED" || result.code === "RSA_CONFLICT" || result.code === "RSA_NOT_FOUND") {
        void queryClient.invalidateQueries({ queryKey: tokenQueryKey(serial) });
      }
    },
    onError: () =>
      setFailure({
        message:
          "tokendesk could not be reached; it is unknown whether the change was made. Search the serial again before retrying.",
      }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return; // a double click sends one change
    const form = new FormData(event.currentTarget);
    setFailure(null);
    mutation.mutate({
      serial,
      tokenType,
      action,
      expected: before,
      ticket: String(form.get("ticket") ?? ""),
      reason: String(form.get("reason") ?? ""),
      note: String(form.get("note") ?? ""),
      confirmDigits: action === "unassign" ? String(form.get("confirmDigits") ?? "") : undefined,
    });
  }

  return (
    <Dialog.Root open onOpenChange={(open) => !open && !mutation.isPending && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-black/40" />
        <Dialog.Content
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            ticketRef.current?.focus();
            ticketRef.current?.select(); // a pre-filled ticket is replaced by typing
          }}
          className="fixed left-1/2 top-16 w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 rounded-lg bg-white p-6 shadow-xl"
        >
          <Dialog.Title className="text-xl font-bold">
            {label} <span className="font-mono">{groupSerial(serial)}</span>
          </Dialog.Title>
          <Dialog.Description asChild>
            <div className="mt-2">
              <p className="text-lg" data-testid="state-change">
                <span className="font-semibold">{describe(before, action)}</span> →{" "}
                <span className="font-semibold">{describe(after, action)}</span>
              </p>
              <p className="mt-1 text-slate-700">{consequence(action, tokenType)}</p>
            </div>
          </Dialog.Description>
          <form onSubmit={submit} className="mt-4 grid gap-3" noValidate>
            <ChangeFormFields
              ticketRef={ticketRef}
              initialTicket={initialTicket}
              reasons={CHANGE_REASONS}
              confirmDigitsFor={action === "unassign" ? serial : null}
              fieldErrors={failure?.fieldErrors ?? {}}
            />
            <div role="alert" className="min-h-6 text-sm font-medium text-red-800" data-testid="dialog-error">
              {failure && (
                <>
                  {failure.message}
                  {failure.reference && (
                    <span className="block font-normal">
                      Reference: <span className="font-mono">{failure.reference}</span>
                    </span>
                  )}
                </>
              )}
            </div>
            <div className="flex justify-end gap-3">
              <Dialog.Close asChild>
                <button
                  type="button"
                  disabled={mutation.isPending}
                  className="rounded-md border border-slate-400 px-4 py-2 font-medium"
                >
                  Cancel
                </button>
              </Dialog.Close>
              <button
                type="submit"
                disabled={mutation.isPending}
                aria-busy={mutation.isPending}
                className="rounded-md bg-slate-900 px-4 py-2 font-semibold text-white disabled:opacity-70"
              >
                {mutation.isPending ? `${ACTION_LABELS[action].replace(/e$/, "")}ing…` : label}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
