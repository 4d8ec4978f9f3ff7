import type { DeskAction } from "@/lib/desk/desk-actions";
import type { DetailsDraft } from "@/components/desk/dialog/change-details-fields";

/** The shortcuts the view on screen offers, so the desk can open them from the keyboard. */
export interface ShortcutTarget {
  /** What they act on (desk-target.ts's targetKey), so a key never reaches the wrong card. */
  target: string;
  actions: readonly DeskAction[];
  open: (action: DeskAction) => void;
}

/** What the desk gives the view that shows a token, a caller or a list of people. */
export interface DeskViewProps {
  canChange: boolean;
  /** The ticket to pre-fill (the active one for what is on screen), as a draft of the change details. */
  ticket: DetailsDraft;
  onTicketUsed: (ticket: string) => void;
  registerShortcuts: (target: ShortcutTarget | null) => void;
  /** A dialog to reopen after signing in again (from the address's ?resume=). */
  resume: DeskAction | null;
  /** Said by the screen reader (the desk's live region). */
  announce: (text: string) => void;
}
