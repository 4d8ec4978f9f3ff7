"use client";

import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import type { StatusFilter, UserListView } from "@/lib/admin/user-list";
import { ui } from "@/components/admin/ui";

interface Props {
  view: UserListView;
  onChange: (view: UserListView) => void;
}

const filterInput = "mt-1 block rounded-md border border-slate-400 bg-white px-3 py-1.5";

/** Search by name or e-mail, filter by role and status. */
export function UsersToolbar({ view, onChange }: Props) {
  return (
    <div className="flex flex-1 flex-wrap items-end gap-4" role="search" aria-label="Users">
      <div className="min-w-64 flex-1">
        <label htmlFor="user-search" className={ui.label}>
          Search users
        </label>
        <input
          id="user-search"
          type="search"
          value={view.query}
          onChange={(event) => onChange({ ...view, query: event.target.value })}
          placeholder="Name or e-mail"
          autoComplete="off"
          spellCheck={false}
          className={`${filterInput} w-full`}
        />
      </div>
      <div>
        <label htmlFor="user-role-filter" className={ui.label}>
          Role
        </label>
        <select
          id="user-role-filter"
          value={view.role}
          onChange={(event) => onChange({ ...view, role: event.target.value as Role | "all" })}
          className={filterInput}
        >
          <option value="all">All roles</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="user-status-filter" className={ui.label}>
          Status
        </label>
        <select
          id="user-status-filter"
          value={view.status}
          onChange={(event) => onChange({ ...view, status: event.target.value as StatusFilter })}
          className={filterInput}
        >
          <option value="all">Active and disabled</option>
          <option value="active">Active</option>
          <option value="disabled">Disabled</option>
        </select>
      </div>
    </div>
  );
}
