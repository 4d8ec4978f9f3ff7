"use client";

import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { AdminUserRow } from "@/lib/admin/types";
import type { SortDirection, SortKey, UserListView } from "@/lib/admin/user-list";
import { LocalTime } from "@/components/local-time";
import { SortHeader } from "@/components/admin/sort-header";
import { UserRowActions } from "@/components/admin/user-row-actions";
import type { UserActionKind } from "@/components/admin/user-action-text";

interface Props {
  users: AdminUserRow[];
  view: UserListView;
  currentUserId: string;
  passwords: boolean;
  onSort: (column: SortKey, direction: SortDirection) => void;
  onAction: (kind: UserActionKind, user: AdminUserRow) => void;
  /** Shown in place of rows when none match. */
  empty: React.ReactNode;
}

/**
 * tokendesk's users, one compact row each, with the changes each row offers.
 * Fixed column widths: the columns do not jump while the administrator types
 * into the search box.
 */
export function UsersTable({ users, view, currentUserId, passwords, onSort, onAction, empty }: Props) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[60rem] table-fixed border-collapse text-left text-sm" aria-label="Users">
        <colgroup>
          <col className="w-[28%]" />
          <col className="w-[11%]" />
          <col className="w-[8%]" />
          <col className="w-[18%]" />
          <col className="w-[35%]" />
        </colgroup>
        <thead>
          <tr className="border-b border-slate-300">
            <SortHeader column="name" label="Name" view={view} onSort={onSort} />
            <SortHeader column="role" label="Role" view={view} onSort={onSort} />
            <SortHeader column="status" label="Status" view={view} onSort={onSort} />
            <SortHeader column="lastSignIn" label="Last sign-in" view={view} onSort={onSort} />
            <th scope="col" className="px-3 py-2">
              Actions
            </th>
          </tr>
        </thead>
        <tbody>
          {users.length === 0 ? (
            <tr>
              <td colSpan={5} className="px-3 py-8 text-center">
                {empty}
              </td>
            </tr>
          ) : (
            users.map((user) => (
              <tr key={user.id} className="border-b border-slate-200 hover:bg-slate-50" data-testid="user-row">
                <th scope="row" className="px-3 py-1.5 text-left font-normal">
                  <span className="font-medium">{user.name}</span>
                  {user.id === currentUserId && <span className="ml-1.5 text-xs text-slate-600">(you)</span>}
                  {user.isDemo && <span className="ml-1.5 rounded bg-amber-100 px-1 text-xs text-amber-900">demo</span>}
                  <span className="block text-xs text-slate-600 [overflow-wrap:anywhere]">{user.email}</span>
                </th>
                <td className="px-3 py-1.5">{ROLE_LABELS[user.role]}</td>
                <td className="px-3 py-1.5">
                  {user.disabled ? (
                    <span className="rounded bg-red-700 px-1.5 py-0.5 text-xs font-bold text-white">Disabled</span>
                  ) : (
                    <span className="rounded border border-green-700 px-1.5 py-0.5 text-xs font-semibold text-green-800">
                      Active
                    </span>
                  )}
                </td>
                <td className="px-3 py-1.5">
                  {user.lastSignInAt ? (
                    <LocalTime iso={user.lastSignInAt} />
                  ) : (
                    <span className="text-slate-600">Never</span>
                  )}
                </td>
                <td className="px-3 py-1.5">
                  <UserRowActions user={user} passwords={passwords} onAction={onAction} />
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
