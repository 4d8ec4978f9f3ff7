import type { Role } from "@/lib/auth/permissions";
import type { AdminUserRow } from "@/lib/admin/types";

/**
 * Every sentence the user dialogs say, whole: what the change does, what the
 * button is called, and what to announce when it is done. Browser-safe.
 */

export type UserActionKind = "role" | "disable" | "enable" | "reset-password" | "end-sessions";

/** A role inside a sentence ("… is now an agent."). */
export const ROLE_IN_SENTENCE: Record<Role, string> = {
  AGENT: "an agent",
  SUPERVISOR: "a supervisor",
  ADMIN: "an administrator",
};

interface ActionText {
  title: string;
  /** What the change means for the person, in one or two sentences. */
  consequence: string;
  confirm: string;
  busy: string;
  destructive: boolean;
}

export function actionText(kind: UserActionKind, user: AdminUserRow): ActionText {
  const who = user.name;
  switch (kind) {
    case "role":
      return {
        title: `Change the role of ${who}`,
        consequence: `${who} is ${ROLE_IN_SENTENCE[user.role]} now. Their sessions end at once, and they sign in again with the new role.`,
        confirm: "Change role",
        busy: "Changing role…",
        destructive: true,
      };
    case "disable":
      return {
        title: `Disable ${who}?`,
        consequence: `${who} is signed out at once and cannot sign in until an administrator enables them again.`,
        confirm: `Disable ${who}`,
        busy: "Disabling…",
        destructive: true,
      };
    case "enable":
      return {
        title: `Enable ${who}?`,
        consequence: `${who} can sign in again as ${ROLE_IN_SENTENCE[user.role]}.`,
        confirm: `Enable ${who}`,
        busy: "Enabling…",
        destructive: false,
      };
    case "reset-password":
      return {
        title: `Reset the password of ${who}?`,
        consequence: `tokendesk generates a new password and shows it to you once. The old password stops working and the sessions of ${who} end at once.`,
        confirm: "Reset password",
        busy: "Resetting…",
        destructive: true,
      };
    case "end-sessions":
      return {
        title: `End all sessions of ${who}?`,
        consequence: `${who} is signed out everywhere at once and can sign in again right away. To keep them out, disable them instead.`,
        confirm: "End sessions",
        busy: "Ending sessions…",
        destructive: true,
      };
  }
}

/** Said on your own account, where the change signs you out too. */
export const SELF_WARNING = "This is your own account: you will be signed out at once.";

export function selfSignsOut(kind: UserActionKind): boolean {
  return kind !== "enable";
}

export function doneText(kind: UserActionKind, user: AdminUserRow, extra: { ended?: number } = {}): string {
  const who = user.name;
  switch (kind) {
    case "role":
      return `${who} is now ${ROLE_IN_SENTENCE[user.role]}.`;
    case "disable":
      return `${who} is disabled and was signed out.`;
    case "enable":
      return `${who} is enabled and can sign in again.`;
    case "reset-password":
      return `The password of ${who} was reset. The new password is shown once, in the dialog.`;
    case "end-sessions":
      if (extra.ended === 0) return `${who} had no open session. Any session cookie they still hold no longer works.`;
      if (extra.ended === 1) return `Ended 1 session of ${who}.`;
      return `Ended ${extra.ended} sessions of ${who}.`;
  }
}
