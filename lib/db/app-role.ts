import "server-only";
import type pg from "pg";

/**
 * The embedded database's login role for the web server. Its password lives
 * in the data folder (pg-app-password, 0600) and is set again at every start,
 * so the role and the file never disagree — and a data folder made before the
 * role existed gets it on its next start.
 */
export const EMBEDDED_APP_ROLE = "tokendesk_app";
export const EMBEDDED_APP_PASSWORD_FILE = "pg-app-password";

export async function ensureLoginRole(owner: pg.ClientBase, role: string, password: string): Promise<void> {
  const who = owner.escapeIdentifier(role);
  const exists = await owner.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
  if (exists.rowCount === 0) {
    try {
      await owner.query(`CREATE ROLE ${who} LOGIN`);
    } catch (error) {
      // Another start created it a moment ago.
      if ((error as { code?: string }).code !== "42710") throw error;
    }
  }
  // Everything that could reach past its grants is switched off explicitly, whatever it was before.
  await owner.query(
    `ALTER ROLE ${who} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD ${owner.escapeLiteral(password)}`,
  );
}
