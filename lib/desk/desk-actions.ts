/**
 * Everything an agent can do at the desk, with its words — every label and
 * sentence written out whole (never a verb with a letter glued on:
 * "Unassignd"). Browser-safe.
 */
export const DESK_ACTIONS = [
  "disable",
  "enable",
  "unassign",
  "clear-pin",
  "rename",
  "assign",
  "issue-code",
  "cancel-code",
  "verify",
  "find-owner",
] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];

interface ActionWords {
  /** On the button and as the dialog's confirm button. */
  label: string;
  /** The key that opens it (shown on the button). */
  shortcut: string;
  /** While the change is on its way. */
  pending: string;
  /** The confirmation after success, before the serial or the person: "Disabled 0000 0020 0002". */
  done: string;
}

export const ACTION_WORDS: Record<DeskAction, ActionWords> = {
  disable: { label: "Disable token", shortcut: "d", pending: "Disabling…", done: "Disabled" },
  enable: { label: "Enable token", shortcut: "e", pending: "Enabling…", done: "Enabled" },
  unassign: { label: "Unassign token", shortcut: "u", pending: "Unassigning…", done: "Unassigned" },
  "clear-pin": { label: "Clear PIN", shortcut: "p", pending: "Clearing the PIN…", done: "Cleared the PIN of" },
  rename: { label: "Rename token", shortcut: "r", pending: "Renaming…", done: "Renamed" },
  assign: { label: "Assign a token", shortcut: "a", pending: "Assigning…", done: "Assigned" },
  "issue-code": {
    label: "Issue emergency access code",
    shortcut: "c",
    pending: "Issuing the code…",
    done: "Issued an emergency access code for",
  },
  "cancel-code": {
    label: "Cancel emergency access code",
    shortcut: "x",
    pending: "Cancelling the code…",
    done: "Cancelled the emergency access code of",
  },
  verify: { label: "Verify the caller", shortcut: "v", pending: "Starting…", done: "Verified" },
  "find-owner": {
    label: "Find the owner",
    shortcut: "o",
    pending: "Looking for the owner…",
    done: "Found the owner of",
  },
};

/** The key of a shortcut as the agent presses it, or null. */
export function actionForKey(key: string, offered: readonly DeskAction[]): DeskAction | null {
  const lower = key.toLowerCase();
  return offered.find((action) => ACTION_WORDS[action].shortcut === lower) ?? null;
}

/** The dialog's title: "Disable Jane Doe's token 0000 0030 0305", or without an owner "Disable token 0000 …". */
export function dialogTitle(
  action: DeskAction,
  subject: { serial?: string; owner?: string | null; person?: string },
): string {
  const serial = subject.serial ?? "";
  const owned = subject.owner ? `${subject.owner}'s token ${serial}` : `token ${serial}`;
  const person = subject.person ?? subject.owner ?? "the caller";
  switch (action) {
    case "disable":
      return `Disable ${owned}`;
    case "enable":
      return `Enable ${owned}`;
    case "unassign":
      return `Unassign ${owned}`;
    case "clear-pin":
      return subject.owner ? `Clear the PIN of ${subject.owner}'s token ${serial}` : `Clear the PIN of token ${serial}`;
    case "rename":
      return `Rename ${owned}`;
    case "assign":
      return subject.serial ? `Assign token ${serial} to ${person}` : `Assign a token to ${person}`;
    case "issue-code":
      return `Issue an emergency access code for ${person}`;
    case "cancel-code":
      return `Cancel the emergency access code of ${person}`;
    case "verify":
      return `Verify ${person}`;
    case "find-owner":
      return `Find the owner of token ${serial}`;
  }
}

/** One sentence on what the change means for the person on the phone. */
export const CONSEQUENCES: Record<DeskAction, string> = {
  disable: "The owner cannot sign in with this token until it is enabled again. It stays assigned to them.",
  enable: "The owner can sign in with this token again.",
  unassign:
    "The token is taken away from its owner; they can no longer use it, and it can be assigned to someone else.",
  "clear-pin": "The owner signs in next with the tokencode alone and then sets a new PIN.",
  rename: "Only the name changes; the token works as before.",
  assign: "The token becomes the user's, waiting for them to activate it with their first sign-in.",
  "issue-code": "The caller can sign in with the code instead of their token until it expires.",
  "cancel-code": "The emergency access code stops working at once.",
  verify: "RSA asks the caller to approve on their phone, or to read the code their authenticator shows.",
  "find-owner": "Type the e-mail the caller gives: tokendesk checks that it belongs to this token's owner.",
};

/** What the agent reads to the caller once the change is made. */
export const SAY_TO_CALLER: Partial<Record<DeskAction, string>> = {
  disable: "Your token is switched off now, so nobody can sign in with it.",
  enable: "Your token works again; you can sign in with it now.",
  unassign: "The token is no longer yours; please return it.",
  "clear-pin": "At your next sign-in enter only the tokencode, then set a new PIN.",
  assign: "Your token is ready: sign in once with it to activate it.",
  "issue-code": "Use this code instead of your token until it expires. I will read it to you now.",
  "cancel-code": "The emergency code no longer works; use your token again.",
};
