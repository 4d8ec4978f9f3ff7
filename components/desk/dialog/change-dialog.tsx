"use client";

import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from "react";
import type { ActionFailure, ActionResult } from "@/lib/action-result";
import { TicketAndReason, NoteField, type DetailsDraft } from "@/components/desk/dialog/change-details-fields";
import { saveDraft, signInToResume } from "@/components/desk/dialog/drafts";
import { ModalFrame } from "@/components/desk/dialog/modal-frame";

export interface ChangeDialogProps {
  title: string;
  /** "Enabled → Disabled", the owner, what the token is: read before anything else. */
  summary?: ReactNode;
  consequence: string;
  /** What to tell the caller (clear PIN: "At your next sign-in…"). */
  say?: string;
  confirmLabel: string;
  pendingLabel: string;
  draft: DetailsDraft;
  /** Names this dialog in the page's address, so it can be reopened after signing in again. */
  resumeKey: string;
  /** Fields of this kind of change, between the reason and the note. */
  fields?: (fieldErrors: Record<string, string>) => ReactNode;
  /** Without a ticket and reason (finding a token's owner changes nothing). */
  withoutDetails?: boolean;
  submit: (values: Record<string, string>) => Promise<ActionResult<unknown>>;
  onSuccess: (result: { ok: true; data: unknown }, values: Record<string, string>) => void;
  /** What a refusal leaves the agent to do instead (the token changed meanwhile): rendered under the message. */
  alternatives?: (failure: ActionFailure) => ReactNode;
  onRefused?: (failure: ActionFailure) => void;
  onClose: () => void;
  /** Where focus goes back when the dialog closes (the control that opened it). */
  returnFocus?: () => void;
}

const SIGNED_OUT = "You were signed out — nothing was changed. Sign in again; what you typed here is kept.";

/**
 * The shell of every change at the desk: title, what it means, ticket and
 * reason (ticket focused first), the change's own fields, the note last;
 * Enter submits from any field once the form is complete (and otherwise moves
 * to the first thing still missing); Escape cancels. On a refusal the dialog
 * stays, says why in plain words with a reference, and keeps what was typed.
 */
export function ChangeDialog(props: ChangeDialogProps) {
  const ticketRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, setPending] = useState(false);
  const [reason, setReason] = useState(props.draft.reason);
  const [dirty, setDirty] = useState(false);

  // Reloading or closing the tab with something typed in the dialog asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // Refused for a field: focus goes to the first field named, where its message is.
  useEffect(() => {
    if (!failure?.fieldErrors) return;
    formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [failure]);

  function values(): Record<string, string> {
    const form = new FormData(formRef.current!);
    const out: Record<string, string> = {};
    for (const [key, value] of form.entries()) if (typeof value === "string") out[key] = value;
    return out;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return; // a double press sends one change
    const typed = values();
    setFailure(null);
    setPending(true);
    try {
      const result = await props.submit(typed);
      if (result.ok) {
        setDirty(false);
        props.onSuccess(result, typed);
        return;
      }
      if (result.code === "UNAUTHENTICATED") saveDraft(props.resumeKey, typed);
      setFailure(result);
      props.onRefused?.(result);
    } catch {
      setFailure({
        ok: false,
        code: "INTERNAL",
        message:
          "tokendesk could not be reached, so it is unknown whether the change was made. Search again before you try again.",
      });
    } finally {
      setPending(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== "Enter" || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    event.preventDefault();
    const form = formRef.current!;
    const missing = [...form.elements].find(
      (el): el is HTMLInputElement | HTMLSelectElement =>
        (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) && !el.checkValidity(),
    );
    if (missing) missing.focus();
    else form.requestSubmit();
  }

  const errors = failure?.fieldErrors ?? {};
  return (
    <ModalFrame
      title={props.title}
      description={
        <>
          {props.summary}
          <p className="text-slate-700">{props.consequence}</p>
          {props.say && (
            <p className="rounded-md bg-blue-50 px-3 py-2 text-blue-950" data-testid="say-to-caller">
              <span className="font-semibold">Tell the caller:</span> “{props.say}”
            </p>
          )}
        </>
      }
      onDismiss={props.onClose}
      busy={pending}
      initialFocus={() => ticketRef.current ?? formRef.current?.querySelector<HTMLElement>("input, select")}
      returnFocus={props.returnFocus}
    >
      <form
        ref={formRef}
        onSubmit={submit}
        onKeyDown={onKeyDown}
        onInput={() => setDirty(true)}
        className="mt-4 grid gap-2"
        noValidate
      >
        {!props.withoutDetails && (
          <TicketAndReason ticketRef={ticketRef} draft={props.draft} fieldErrors={errors} onReason={setReason} />
        )}
        {props.fields?.(errors)}
        {!props.withoutDetails && <NoteField draft={props.draft} reason={reason} error={errors.note} />}
        <div role="alert" className="min-h-6 text-sm font-medium text-red-800" data-testid="dialog-error">
          {failure && (
            <>
              {failure.code === "UNAUTHENTICATED" ? SIGNED_OUT : failure.message}
              {failure.code === "UNAUTHENTICATED" && (
                <a href={signInToResume(props.resumeKey)} className="mt-1 block font-semibold text-blue-800 underline">
                  Sign in again
                </a>
              )}
              {failure.referenceId && failure.code !== "UNAUTHENTICATED" && (
                <span className="block font-normal">
                  Reference: <span className="font-mono">{failure.referenceId}</span>
                </span>
              )}
            </>
          )}
        </div>
        {failure && props.alternatives?.(failure)}
        <div className="flex justify-end gap-3">
          <button
            type="button"
            disabled={pending}
            onClick={props.onClose}
            className="min-h-10 rounded-md border border-slate-400 px-4 py-2 font-medium"
          >
            Cancel
          </button>
          <button
            type="submit"
            disabled={pending}
            aria-busy={pending}
            className="min-h-10 rounded-md bg-slate-900 px-4 py-2 font-semibold text-white disabled:opacity-70"
          >
            {pending ? props.pendingLabel : props.confirmLabel}
          </button>
        </div>
      </form>
    </ModalFrame>
  );
}
