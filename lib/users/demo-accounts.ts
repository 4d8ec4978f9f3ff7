import "server-only";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import { generatePassword } from "@/lib/auth/password";
import { appendAuditEvent } from "@/lib/audit/append";
import { auditEvents, NO_REQUEST } from "@/lib/audit/events";
import { addUser, resetPassword } from "@/lib/users/user-service";
import type { Role } from "@/lib/auth/permissions";

/**
 * One account per role for trying tokendesk against the simulated tenant.
 * Passwords are random per installation, kept in the data folder (0600) so
 * `npm start` can print them every time. Only ever called in demo mode.
 */

export interface DemoAccount {
  role: Role;
  email: string;
  name: string;
  password: string;
}

const DEMO_USERS: Omit<DemoAccount, "password">[] = [
  { role: "AGENT", email: "agent@demo.tokendesk.example", name: "Alex Agent" },
  { role: "SUPERVISOR", email: "supervisor@demo.tokendesk.example", name: "Sam Supervisor" },
  { role: "ADMIN", email: "admin@demo.tokendesk.example", name: "Ada Admin" },
];

async function readSaved(file: string): Promise<Record<string, string>> {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
  } catch {
    return {};
  }
}

const BY_DEMO_SETUP = { actor: { kind: "system" as const, name: "demo mode setup" }, request: NO_REQUEST };

export async function ensureDemoAccounts(dataDir: string): Promise<DemoAccount[]> {
  const file = path.join(dataDir, "demo-accounts.json");
  const saved = await readSaved(file);
  const accounts: DemoAccount[] = [];
  for (const demo of DEMO_USERS) {
    const existing = await db().user.findUnique({ where: { email: demo.email } });
    let password = saved[demo.email];
    if (!existing) {
      password ??= generatePassword();
      await addUser({ email: demo.email, name: demo.name, role: demo.role, password, isDemo: true }, BY_DEMO_SETUP);
    } else if (!password) {
      // The data folder lost the password (e.g. an external DATABASE_URL): issue a new one.
      password = (await resetPassword(demo.email, undefined, BY_DEMO_SETUP)).password;
    }
    accounts.push({ ...demo, password });
  }
  await writeFile(file, JSON.stringify(Object.fromEntries(accounts.map((a) => [a.email, a.password])), null, 2), {
    mode: 0o600,
  });
  return accounts;
}

/** Outside demo mode, accounts made for the demo must not keep working. */
export async function disableDemoAccounts(): Promise<number> {
  const demo = await db().user.findMany({ where: { isDemo: true, disabled: false } });
  for (const user of demo) {
    // Straight to the database on purpose: the "last administrator" rule must not keep a demo admin alive.
    await db().user.update({ where: { id: user.id }, data: { disabled: true, sessionVersion: { increment: 1 } } });
    await appendAuditEvent(
      auditEvents.userAdmin({
        ...BY_DEMO_SETUP,
        action: "USER_DISABLE",
        target: { id: user.id, email: user.email },
        before: { disabled: false },
        after: { disabled: true },
        reason: "RSA credentials are configured, so demo mode is off",
      }),
    );
  }
  return demo.length;
}
