import type { Metadata } from "next";
import { requirePage } from "@/lib/guard/page";
import { listUsers } from "@/lib/users/user-service";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { LocalTime } from "@/components/local-time";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  await requirePage({ resource: "admin", permission: "admin:manage" }, "/admin");
  const users = await listUsers();
  return (
    <section aria-labelledby="admin-heading">
      <h1 id="admin-heading" className="text-2xl font-semibold">
        Administration
      </h1>
      <h2 className="mt-6 text-lg font-semibold">Users</h2>
      <p className="mt-1 text-sm text-slate-600">
        Manage users with{" "}
        <code className="rounded bg-slate-100 px-1">npm run user -- add|set-role|disable|enable|reset-password</code>.
      </p>
      <table className="mt-3 w-full border-collapse bg-white text-left text-sm">
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="px-3 py-2">
              Name
            </th>
            <th scope="col" className="px-3 py-2">
              Email
            </th>
            <th scope="col" className="px-3 py-2">
              Role
            </th>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            <th scope="col" className="px-3 py-2">
              Last sign-in
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-b border-slate-200">
              <td className="px-3 py-2">
                {u.displayName}
                {u.isDemo && <span className="ml-2 text-xs text-amber-800">(demo)</span>}
              </td>
              <td className="px-3 py-2">{u.email}</td>
              <td className="px-3 py-2">{ROLE_LABELS[u.role]}</td>
              <td className="px-3 py-2">{u.disabled ? "Disabled" : "Active"}</td>
              <td className="px-3 py-2">
                {u.lastSignInAt ? <LocalTime iso={u.lastSignInAt.toISOString()} /> : "Never"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
