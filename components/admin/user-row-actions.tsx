"use client";

import type { AdminUserRow } from "@/lib/admin/types";
import type { UserActionKind } from "@/components/admin/user-action-text";
import { ui } from "@/components/admin/ui";

/**
 * The changes one row offers. Each button's name says whose row it is ("Disable
 * Jo Agent (jo@example.com)"): a screen reader user tabbing through the table
 * hears the person, not fifty identical "Disable" buttons.
 */
export function UserRowActions({
  user,
  passwords,
  onAction,
}: {
  user: AdminUserRow;
  passwords: boolean;
  onAction: (kind: UserActionKind, user: AdminUserRow) => void;
}) {
  const whose = <span className="sr-only">{` ${user.name} (${user.email})`}</span>;
  return (
    <div className="flex flex-wrap gap-1.5">
      <button type="button" className={ui.rowButton} onClick={() => onAction("role", user)}>
        Change role{whose}
      </button>
      {/* One button whose words change, so the focus it gets back after the dialog is still there. */}
      <button
        type="button"
        className={ui.rowButton}
        onClick={() => onAction(user.disabled ? "enable" : "disable", user)}
      >
        {user.disabled ? "Enable" : "Disable"}
        {whose}
      </button>
      {passwords && (
        <button type="button" className={ui.rowButton} onClick={() => onAction("reset-password", user)}>
          Reset password{whose}
        </button>
      )}
      <button type="button" className={ui.rowButton} onClick={() => onAction("end-sessions", user)}>
        End sessions{whose}
      </button>
    </div>
  );
}
