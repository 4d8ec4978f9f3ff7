import type { Metadata } from "next";
import { requirePage } from "@/lib/guard/page";
import { auditHealth } from "@/lib/admin/audit-health";
import { configSummary } from "@/lib/admin/config-summary";
import { lastRsaCheck } from "@/lib/admin/rsa-check";
import { rsaConnection } from "@/lib/admin/rsa-connection";
import { newUsersGetPassword, signInMethods } from "@/lib/admin/sign-in-methods";
import { adminUserRows } from "@/lib/admin/user-rows";
import { AdminSection } from "@/components/admin/admin-section";
import { AuditHealthPanel } from "@/components/admin/audit-health-panel";
import { ConfigSummaryTable } from "@/components/admin/config-summary-table";
import { RsaConnectionPanel } from "@/components/admin/rsa-connection-panel";
import { UsersPanel } from "@/components/admin/users-panel";

export const metadata: Metadata = { title: "Administration" };

const PARTS = [
  { id: "users", title: "Users" },
  { id: "rsa", title: "RSA connection" },
  { id: "audit-health", title: "Audit trail" },
  { id: "configuration", title: "Configuration" },
];

/** Running tokendesk without a shell: users, the RSA connection, the audit trail's health and the configuration. */
export default async function AdminPage() {
  const { user } = await requirePage({ resource: "admin", permission: "admin:manage" }, "/admin");
  const [users, health] = await Promise.all([adminUserRows(), auditHealth()]);
  const methods = signInMethods();

  return (
    <div className="grid gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-semibold">Administration</h1>
        <nav aria-label="On this page">
          <ul className="flex flex-wrap gap-4 text-sm">
            {PARTS.map((part) => (
              <li key={part.id}>
                <a href={`#${part.id}`} className="text-blue-800 underline-offset-2 hover:underline">
                  {part.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <AdminSection
        id="users"
        title="Users"
        intro="Every change is recorded in the audit trail with you as the actor. The command line (npm run user) does the same."
      >
        <UsersPanel
          users={users}
          currentUserId={user.id}
          givesPassword={newUsersGetPassword(methods)}
          passwords={methods.passwords}
        />
      </AdminSection>
      <div className="grid gap-6 lg:grid-cols-2">
        <AdminSection id="rsa" title="RSA connection" intro="The key itself is never shown.">
          <RsaConnectionPanel connection={rsaConnection()} lastCheck={lastRsaCheck()} />
        </AdminSection>
        <AdminSection
          id="audit-health"
          title="Audit trail"
          intro="Keep downloaded checkpoints off this machine: they prove later that nothing was cut from the end."
        >
          <AuditHealthPanel health={health} />
        </AdminSection>
      </div>
      <AdminSection
        id="configuration"
        title="Configuration"
        intro="Read from the environment at start; change it there and restart. Secrets only ever show as set or not set."
      >
        <ConfigSummaryTable entries={configSummary()} />
      </AdminSection>
    </div>
  );
}
