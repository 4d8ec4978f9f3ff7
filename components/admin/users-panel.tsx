"use client";

import { useMemo, useState } from "react";
import type { AdminUserRow } from "@/lib/admin/types";
import { applyView, DEFAULT_VIEW, isFiltered, type UserListView } from "@/lib/admin/user-list";
import { AddUserDialog } from "@/components/admin/add-user-dialog";
import { UserActionDialog } from "@/components/admin/user-action-dialog";
import { UsersTable } from "@/components/admin/users-table";
import { UsersToolbar } from "@/components/admin/users-toolbar";
import type { UserActionKind } from "@/components/admin/user-action-text";
import { ui } from "@/components/admin/ui";

interface Props {
  users: AdminUserRow[];
  currentUserId: string;
  /** New users get a generated password (false: a single sign-on link). */
  givesPassword: boolean;
  /** Local passwords are on, so they can be reset. */
  passwords: boolean;
}

type OpenDialog = { kind: "add" } | { kind: UserActionKind; user: AdminUserRow };

/** The users section: find a person among many, add one, change one — each result said in the live region. */
export function UsersPanel({ users, currentUserId, givesPassword, passwords }: Props) {
  const [view, setView] = useState<UserListView>(DEFAULT_VIEW);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const shown = useMemo(() => applyView(users, view), [users, view]);
  const close = () => setDialog(null);

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <UsersToolbar view={view} onChange={setView} />
        <button type="button" className={ui.primaryButton} onClick={() => setDialog({ kind: "add" })}>
          Add user
        </button>
      </div>
      <div className="flex min-h-6 flex-wrap items-baseline gap-x-6 gap-y-1 text-sm">
        <p role="status" className="text-slate-700" data-testid="user-count">
          {shown.length !== users.length
            ? `Showing ${shown.length} of ${users.length} users.`
            : users.length === 1
              ? "1 user."
              : `${users.length} users.`}
        </p>
        <p role="status" className="font-medium text-green-900" data-testid="users-announcement">
          {announcement}
        </p>
      </div>
      <UsersTable
        users={shown}
        view={view}
        currentUserId={currentUserId}
        passwords={passwords}
        onSort={(sort, direction) => setView({ ...view, sort, direction })}
        onAction={(kind, user) => setDialog({ kind, user })}
        empty={
          users.length === 0 ? (
            <p>No users yet. Add the first one with “Add user”.</p>
          ) : (
            <div className="grid justify-items-center gap-2">
              <p>No users match these filters.</p>
              {isFiltered(view) && (
                <button
                  type="button"
                  className={ui.secondaryButton}
                  onClick={() => setView({ ...DEFAULT_VIEW, sort: view.sort, direction: view.direction })}
                >
                  Clear filters
                </button>
              )}
            </div>
          )
        }
      />
      {dialog?.kind === "add" && (
        <AddUserDialog givesPassword={givesPassword} onClose={close} onDone={setAnnouncement} />
      )}
      {dialog && dialog.kind !== "add" && (
        <UserActionDialog
          kind={dialog.kind}
          user={dialog.user}
          isSelf={dialog.user.id === currentUserId}
          onClose={close}
          onDone={setAnnouncement}
        />
      )}
    </div>
  );
}
