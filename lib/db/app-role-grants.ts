import "server-only";
import type pg from "pg";

/**
 * What the web server's database role may do, table by table. Migrations run
 * as the owner of the tables; after every migration the owner grants the web
 * server's role exactly these privileges (revoking anything else), so a
 * compromised or buggy web server cannot rewrite the audit trail: it is not
 * the owner, so it cannot disable the append-only triggers, and it has no
 * UPDATE, DELETE or TRUNCATE on audit_events to begin with.
 */

type Privilege = "SELECT" | "INSERT" | "UPDATE" | "DELETE";

export const AUDIT_TABLE = "audit_events";

export const TABLE_PRIVILEGES: Readonly<Record<string, readonly Privilege[]>> = {
  // Append-only: written once, read forever.
  audit_events: ["SELECT", "INSERT"],
  // /api/ready reads which migrations are applied; only the owner applies them.
  _prisma_migrations: ["SELECT"],
};

/** Tables not named above — including ones future migrations add — are the app's working data. */
export const DEFAULT_PRIVILEGES: readonly Privilege[] = ["SELECT", "INSERT", "UPDATE", "DELETE"];

export function privilegesFor(table: string): readonly Privilege[] {
  return TABLE_PRIVILEGES[table] ?? DEFAULT_PRIVILEGES;
}

// Several instances may start at once; concurrent GRANTs on one table can fail with "tuple concurrently updated".
const GRANTS_LOCK_ID = 72_707_369_003n;

/** Grants `role` its privileges on everything in schema public. Idempotent; one transaction. */
export async function grantAppRole(owner: pg.ClientBase, role: string): Promise<string[]> {
  const who = owner.escapeIdentifier(role);
  await owner.query("BEGIN");
  try {
    await owner.query("SELECT pg_advisory_xact_lock($1)", [GRANTS_LOCK_ID.toString()]);
    await owner.query(`GRANT USAGE ON SCHEMA public TO ${who}`);
    const relations = await owner.query<{ name: string; kind: string }>(
      `SELECT c.relname AS name, c.relkind AS kind
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
        ORDER BY c.relname`,
    );
    for (const { name, kind } of relations.rows) {
      const target = `public.${owner.escapeIdentifier(name)}`;
      if (kind === "S") {
        await owner.query(`REVOKE ALL ON SEQUENCE ${target} FROM ${who}`);
        await owner.query(`GRANT USAGE, SELECT ON SEQUENCE ${target} TO ${who}`);
        continue;
      }
      await owner.query(`REVOKE ALL ON TABLE ${target} FROM ${who}`);
      const privileges = kind === "m" ? ["SELECT"] : privilegesFor(name);
      await owner.query(`GRANT ${privileges.join(", ")} ON TABLE ${target} TO ${who}`);
    }
    await owner.query("COMMIT");
    return relations.rows.map((r) => r.name);
  } catch (error) {
    await owner.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

/**
 * Reasons `role` could still rewrite the audit trail, whatever was granted:
 * superuser, owner (or member of the owner's role, which inherits ownership),
 * CREATEROLE (before PostgreSQL 16 it can make itself a member of any
 * non-superuser role), or UPDATE/DELETE/TRUNCATE/TRIGGER reaching it some other way (PUBLIC, another role).
 */
export async function auditTableRisks(client: pg.ClientBase, role: string): Promise<string[]> {
  const found = await client.query<{
    rolsuper: boolean;
    rolcreaterole: boolean;
    owner: string | null;
    member_of_owner: boolean | null;
    writes: string[] | null;
  }>(
    `SELECT r.rolsuper, r.rolcreaterole, o.rolname AS owner,
            CASE WHEN c.oid IS NULL THEN NULL ELSE pg_has_role(r.oid, c.relowner, 'MEMBER') END AS member_of_owner,
            CASE WHEN c.oid IS NULL THEN NULL ELSE ARRAY(
              SELECT p FROM unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER']) AS p
               WHERE has_table_privilege(r.oid, c.oid, p)) END AS writes
       FROM pg_roles r
       LEFT JOIN pg_class c ON c.oid = to_regclass($2)
       LEFT JOIN pg_roles o ON o.oid = c.relowner
      WHERE r.rolname = $1`,
    [role, `public.${AUDIT_TABLE}`],
  );
  const row = found.rows[0];
  if (!row) return [`the role "${role}" does not exist`];
  const risks: string[] = [];
  if (row.rolsuper) risks.push("it is a superuser");
  if (row.owner === role) risks.push(`it owns ${AUDIT_TABLE}`);
  else if (row.member_of_owner && !row.rolsuper)
    risks.push(`it is a member of "${row.owner}", which owns ${AUDIT_TABLE}`);
  if (row.rolcreaterole) risks.push("it has CREATEROLE");
  if (!row.rolsuper && !row.member_of_owner && row.writes && row.writes.length > 0)
    risks.push(`it holds ${row.writes.join(", ")} on ${AUDIT_TABLE}`);
  return risks;
}
