import "server-only";
import pg from "pg";
import { ensureLoginRole } from "@/lib/db/app-role";
import { AUDIT_TABLE, auditTableRisks, grantAppRole } from "@/lib/db/app-role-grants";
import type { ResolvedDatabase } from "@/lib/db/connection";
import { DatabaseSetupError, describeConnectionError } from "@/lib/db/connection-error";
import { migrate, migrationStatus } from "@/lib/db/migrations";

/**
 * What `npm start` and `npm run db:migrate` do before anything uses the
 * database: apply migrations as the owner, give the web server's role its
 * grants, and refuse to go on if that role could still rewrite the audit
 * trail. With a single connection (only DATABASE_URL), the old setup, it
 * migrates with it and warns instead of refusing.
 */
export interface PreparedDatabase {
  /** Migrations applied now, and how many were already. */
  applied: string[];
  total: number;
  /** The web server's role (current_user of its connection). */
  appRole: string;
  /** Whether that role was given its grants (not when it is the owner itself). */
  granted: boolean;
  warnings: string[];
}

export async function prepareDatabase(
  database: ResolvedDatabase,
  log: (line: string) => void = () => {},
): Promise<PreparedDatabase> {
  const owner = await connect(database.ownerUrl, database.ownerSource);
  try {
    const ownerIdentity = await identify(owner);
    if (database.ownerUrl === database.appUrl) return await prepareSingleRole(database, owner, ownerIdentity.role, log);

    const result = await migrate(database.ownerUrl, { log });
    if (database.appRole) await ensureLoginRole(owner, database.appRole.name, database.appRole.password);
    const app = await connect(database.appUrl, database.appSource);
    const appIdentity = await identify(app).finally(() => app.end());
    if (appIdentity.database !== ownerIdentity.database) {
      throw new DatabaseSetupError(
        `DATABASE_OWNER_URL names the database "${ownerIdentity.database}" but DATABASE_URL names "${appIdentity.database}": both must name the same database.`,
      );
    }
    const prepared = { applied: result.applied, total: result.applied.length + result.alreadyApplied };
    if (appIdentity.role === ownerIdentity.role) {
      const risks = await auditTableRisks(owner, appIdentity.role);
      return {
        ...prepared,
        appRole: appIdentity.role,
        granted: false,
        warnings: risks.length ? [sameRoleWarning(appIdentity.role)] : [],
      };
    }

    await grantAppRole(owner, appIdentity.role);
    const risks = await auditTableRisks(owner, appIdentity.role);
    if (risks.length > 0) {
      throw new DatabaseSetupError(
        `The web server's database role "${appIdentity.role}" could rewrite the audit trail (${risks.join("; ")}): connect DATABASE_URL as a role that is not a superuser, does not own the tables and has no CREATEROLE (README: Database roles).`,
      );
    }
    return { ...prepared, appRole: appIdentity.role, granted: true, warnings: [] };
  } finally {
    await owner.end().catch(() => {});
  }
}

/**
 * Only DATABASE_URL: migrate with it when something is pending (it must be the
 * owner then), but do not touch the schema when nothing is — so a deployment
 * that migrates separately (npm run db:migrate with DATABASE_OWNER_URL) can
 * run the web server with a role that may not create tables.
 */
async function prepareSingleRole(
  database: ResolvedDatabase,
  client: pg.Client,
  role: string,
  log: (line: string) => void,
): Promise<PreparedDatabase> {
  const status = await migrationStatus(client).catch(() => undefined);
  let applied: string[] = [];
  let total: number;
  if (!status || status.pending.length > 0 || status.problems.length > 0) {
    try {
      const result = await migrate(database.ownerUrl, { log });
      applied = result.applied;
      total = result.applied.length + result.alreadyApplied;
    } catch (error) {
      const denied =
        (error as { code?: string }).code === "42501" ||
        /permission denied|must be owner/.test((error as Error).message);
      if (!denied) throw error;
      throw new DatabaseSetupError(
        `Migrations are pending and DATABASE_URL's role "${role}" may not change the schema: set DATABASE_OWNER_URL to the owner's connection (README: Database roles).`,
      );
    }
  } else {
    total = (await client.query("SELECT count(*)::int AS n FROM _prisma_migrations WHERE rolled_back_at IS NULL"))
      .rows[0].n;
  }
  const risks = await auditTableRisks(client, role);
  return { applied, total, appRole: role, granted: false, warnings: risks.length > 0 ? [sameRoleWarning(role)] : [] };
}

function sameRoleWarning(role: string): string {
  return `The web server connects to the database as "${role}", which owns the tables (or is a superuser), so it could rewrite the audit trail (${AUDIT_TABLE}). Give it a role of its own: README, "Database roles".`;
}

async function connect(url: string, source: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {}); // a dropped idle connection surfaces on the next query instead
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    throw new DatabaseSetupError(describeConnectionError(error, url, source));
  }
}

async function identify(client: pg.Client): Promise<{ role: string; database: string }> {
  const row = (await client.query("SELECT current_user AS role, current_database() AS database")).rows[0];
  return { role: row.role as string, database: row.database as string };
}
