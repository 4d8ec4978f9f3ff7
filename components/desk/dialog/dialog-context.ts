import type { DeskAction } from "@/lib/desk/desk-actions";
import type { DetailsDraft } from "@/components/desk/dialog/change-details-fields";

/** What the desk shows after a change RSA confirmed: "Disabled 0000 0030 0201 · INC-1001 · just now". */
export interface Confirmation {
  action: DeskAction;
  /** The serial (grouped) or the person the change was about. */
  subject: string;
  ticket: string | null;
  reason: string | null;
  at: string;
  /** The new state in words: "Now Disabled, Activated." */
  now?: string;
  /** The answer could not be read but a fresh read shows the change made. */
  confirmedByReread?: boolean;
}

/** What every dialog at the desk is given by the view that opened it. */
export interface DialogContext {
  draft: DetailsDraft;
  /** A verification of this caller made just before (attached to the change's audit rows). */
  verificationId?: string;
  onDone: (confirmation: Confirmation, extra?: { reveal?: Record<string, string> }) => void;
  /** RSA or tokendesk refused: the view re-reads what it shows. */
  onRefused: () => void;
  onClose: () => void;
  returnFocus: () => void;
  /** Opens another action instead (the token changed meanwhile and this one no longer makes sense). */
  switchTo?: (action: DeskAction) => void;
}

export const draftFrom = (values: Record<string, string>): Pick<Confirmation, "ticket" | "reason"> => ({
  ticket: values.ticket ?? null,
  reason: values.reason ?? null,
});
