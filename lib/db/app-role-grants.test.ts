import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, signOutEverywhere } from "@/lib/auth/session-store";
import { disconnectDb } from "@/lib/db";
import { auditTableRisks, privilegesFor } from "@/lib/db/app-role-grants";
import type { ResolvedDatabase } from "@/lib/db/connection";
import { migrate } from "@/lib/db/migrations";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { resetEnvCache } from "@/lib/env";
import { checkReadiness } from "@/lib/health/readiness";
import { acquireChangeLock, releaseChangeLock } from "@/lib/tokens/change-lock";
import { createEmptyDatabase, serverUrlFor, withClient } from "@/lib/test-support/databases";

/**
 * The web server's role, proven from its own connection: it reads and appends
 * to the audit trail and does its everyday work, but cannot change, delete,
 * truncate or unprotect a single audit row.
 */

const role = `tokendesk_test_app_${randomBytes(4).toString("hex")}`;
const password = randomBytes(12).toString("hex");
let db: { url: string; drop(): Promise<void> };
let appUrl: string;

function asRole(url: string, user: string, pass: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = pass;
  return u.toString();
}

function separateRoles(): ResolvedDatabase {
  return {
    embedded: true,
    ownerUrl: db.url,
    ownerSource: "the embedded database",
    appUrl,
    appSource: "the embedded database",
    appRole: { name: role, password },
    stop: async () => {},
  };
}

const asOwner = <T>(fn: (c: pg.Client) => Promise<T>) => withClient(db.url, fn);
const asApp = <T>(fn: (c: pg.Client) => Promise<T>) => withClient(appUrl, fn);

async function errorCodeOf(sql: string): Promise<string | undefined> {
  return asApp(async (c) => {
    try {
      await c.query(sql);
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  });
}

const isSuperuser = () =>
  withClient(serverUrlFor("postgres"), async (c) => (await c.query("SHOW is_superuser")).rows[0].is_superuser === "on");

beforeAll(async () => {
  db = await createEmptyDatabase();
  // A data folder from before roles were split: migrated by the owner, no app role yet.
  await migrate(db.url);
  appUrl = asRole(db.url, role, password);
  const prepared = await prepareDatabase(separateRoles());
  expect(prepared.appRole).toBe(role);
  expect(prepared.warnings).toEqual([]);
});

afterAll(async () => {
  await disconnectDb();
  await db.drop();
  await withClient(serverUrlFor("postgres"), (c) => c.query(`DROP ROLE IF EXISTS "${role}"`));
});

describe("the web server's database role", () => {
  it("reads and appends to audit_events", async () => {
    await asApp(async (c) => {
      await c.query(
        `INSERT INTO audit_events (seq, id, type, occurred_at, prev_hash, hash)
         VALUES (1000001, $1, 'LOOKUP', now(), 'x', 'y')`,
        [randomUUID()],
      );
      const rows = await c.query("SELECT count(*)::int AS n FROM audit_events WHERE seq = 1000001");
      expect(rows.rows[0].n).toBe(1);
    });
  });

  it("cannot update, delete, truncate, unprotect, bypass or drop the audit trail", async () => {
    // 42501 insufficient_privilege: refused by privileges, before any trigger runs.
    expect(await errorCodeOf("UPDATE audit_events SET reason = 'rewritten'")).toBe("42501");
    expect(await errorCodeOf("DELETE FROM audit_events")).toBe("42501");
    expect(await errorCodeOf("TRUNCATE audit_events")).toBe("42501");
    expect(await errorCodeOf("ALTER TABLE audit_events DISABLE TRIGGER ALL")).toBe("42501");
    expect(await errorCodeOf("SET session_replication_role = replica")).toBe("42501");
    expect(await errorCodeOf("DROP TABLE audit_events")).toBe("42501");
    expect(
      await errorCodeOf("CREATE TRIGGER t BEFORE INSERT ON audit_events EXECUTE FUNCTION audit_events_refuse_change()"),
    ).toBe("42501");
    expect(await errorCodeOf("ALTER TABLE audit_events OWNER TO CURRENT_USER")).toBe("42501");
    expect(
      await errorCodeOf("INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ('x', 'y', 'z')"),
    ).toBe("42501");
  });

  it("holds exactly the privileges of the map on every table", async () => {
    const tables = await asOwner((c) =>
      c.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'"),
    );
    expect(tables.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(["audit_events", "users", "_prisma_migrations"]),
    );
    for (const { name } of tables.rows) {
      const held = await asOwner(async (c) => {
        const all = ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"];
        const result = await c.query<{ p: string }>(
          "SELECT p FROM unnest($3::text[]) AS p WHERE has_table_privilege($1, format('public.%I', $2::text), p)",
          [role, name, all],
        );
        return result.rows.map((r) => r.p);
      });
      expect({ table: name, privileges: held.sort() }).toEqual({
        table: name,
        privileges: [...privilegesFor(name)].sort(),
      });
    }
  });

  it("does everything the web server does: sessions, change locks, the audit chain, readiness", async () => {
    const userId = randomUUID();
    await asOwner((c) =>
      c.query(
        `INSERT INTO users (id, email, display_name, role, password_hash, updated_at)
         VALUES ($1, $2, 'Role Test', 'AGENT', 'x', now())`,
        [userId, `${userId}@example.com`],
      ),
    );
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = appUrl;
    resetEnvCache();
    await disconnectDb();
    try {
      const sid = await openSession(userId, { ipAddress: "127.0.0.1", userAgent: "test" });
      // Ends sessions, bumps the user's sessionVersion and appends to the chain under its advisory lock.
      await signOutEverywhere({ uid: userId, sid });
      const holder = randomUUID();
      expect(await acquireChangeLock("000000200002", holder)).toBe(true);
      await releaseChangeLock("000000200002", holder);
      const signOuts = await asOwner((c) =>
        c.query("SELECT count(*)::int AS n FROM audit_events WHERE type = 'SIGN_OUT' AND actor_id = $1", [userId]),
      );
      expect(signOuts.rows[0].n).toBe(1);
      const readiness = await checkReadiness();
      expect(readiness.checks.database).toBe("ok");
      expect(readiness.checks.migrations).toBe("ok");
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = previous;
      resetEnvCache();
    }
  });

  it("is idempotent and takes back privileges granted by hand", async () => {
    await asOwner((c) => c.query(`GRANT UPDATE, DELETE ON audit_events TO "${role}"`));
    await prepareDatabase(separateRoles());
    await prepareDatabase(separateRoles());
    expect(await errorCodeOf("UPDATE audit_events SET reason = 'rewritten'")).toBe("42501");
  });

  it("refuses to go on when the role could still rewrite the trail", async () => {
    await asOwner((c) => c.query("GRANT UPDATE ON audit_events TO PUBLIC"));
    await expect(prepareDatabase(separateRoles())).rejects.toThrow(
      /could rewrite the audit trail \(it holds UPDATE on audit_events\)/,
    );
    await asOwner((c) => c.query("REVOKE UPDATE ON audit_events FROM PUBLIC"));

    await asOwner((c) => c.query(`ALTER TABLE audit_events OWNER TO "${role}"`));
    expect(await asOwner((c) => auditTableRisks(c, role))).toContain("it owns audit_events");
    await expect(prepareDatabase(separateRoles())).rejects.toThrow(/it owns audit_events/);
    await asOwner((c) => c.query("ALTER TABLE audit_events OWNER TO CURRENT_USER"));

    if (await isSuperuser()) {
      await asOwner((c) => c.query(`ALTER ROLE "${role}" SUPERUSER`));
      // The embedded setup re-asserts NOSUPERUSER on its own role; a role from DATABASE_URL is only checked.
      const external = {
        ...separateRoles(),
        appRole: undefined,
        ownerSource: "DATABASE_OWNER_URL",
        appSource: "DATABASE_URL",
      };
      await expect(prepareDatabase(external)).rejects.toThrow(/it is a superuser/);
      await prepareDatabase(separateRoles());
      expect(await asOwner((c) => auditTableRisks(c, role))).toEqual([]);
    }
  });

  it("with one connection for both (the old setup), warns instead of refusing", async () => {
    const single: ResolvedDatabase = { ...separateRoles(), appUrl: db.url, appRole: undefined };
    const prepared = await prepareDatabase(single);
    expect(prepared.warnings).toEqual([expect.stringMatching(/could rewrite the audit trail/)]);
  });

  it("names an unreachable database in a sentence", async () => {
    const { closedPort } = await import("@/lib/test-support/closed-port");
    const port = await closedPort();
    const url = `postgresql://someone:secret@127.0.0.1:${port}/tokendesk`;
    const unreachable: ResolvedDatabase = { ...separateRoles(), ownerUrl: url, ownerSource: "DATABASE_OWNER_URL" };
    await expect(prepareDatabase(unreachable)).rejects.toThrow(
      `Cannot reach PostgreSQL at 127.0.0.1:${port}: nothing answers there (DATABASE_OWNER_URL); is the server running and the address right?`,
    );
  });
});
