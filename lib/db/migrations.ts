import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql the way
 * `prisma migrate deploy` would, without Prisma's native schema engine
 * (see docs/decisions/0002-own-migration-runner.md).
 */

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface AppliedMigration {
  name: string;
  checksum: string;
  finishedAt: Date | null;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export const DEFAULT_MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");

// Any fixed 64-bit number shared by every instance; only needs to be unique
// among advisory locks this database's clients take.
const MIGRATION_LOCK_ID = 72_707_369_001n;

/** Prisma's checksum: SHA-256 of the script with line endings normalised to \n. */
export function migrationChecksum(sql: string): string {
  return createHash("sha256").update(sql.replace(/\r\n/g, "\n")).digest("hex");
}

export async function readMigrationFiles(dir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory() && /^\d{14}_[A-Za-z0-9_]+$/.test(e.name))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: migrationChecksum(sql) };
    }),
  );
}

const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export async function readAppliedMigrations(client: pg.ClientBase): Promise<AppliedMigration[]> {
  const table = await client.query(`SELECT to_regclass('"_prisma_migrations"') AS t`);
  if (!table.rows[0]?.t) return [];
  const result = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
      WHERE rolled_back_at IS NULL ORDER BY started_at, migration_name`,
  );
  return result.rows.map((r) => ({ name: r.migration_name, checksum: r.checksum, finishedAt: r.finished_at }));
}

/** Problems that make it unsafe to go on: edited, missing or half-applied migrations. */
export function findDrift(files: MigrationFile[], applied: AppliedMigration[]): string[] {
  const byName = new Map(files.map((f) => [f.name, f]));
  const problems: string[] = [];
  for (const row of applied) {
    const file = byName.get(row.name);
    if (!row.finishedAt) problems.push(`migration ${row.name} started but never finished; repair the database by hand`);
    else if (!file) problems.push(`migration ${row.name} is applied but its folder is missing from prisma/migrations`);
    else if (file.checksum !== row.checksum)
      problems.push(
        `migration ${row.name} was changed after it was applied (checksum differs); restore the original file`,
      );
  }
  return problems;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(
  connectionString: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  const files = await readMigrationFiles(options.dir);
  const log = options.log ?? (() => {});
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    // Several instances may start at once: one migrates, the others wait and then see nothing pending.
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID.toString()]);
    await client.query(CREATE_HISTORY_TABLE);
    const applied = await readAppliedMigrations(client);
    const problems = findDrift(files, applied);
    if (problems.length > 0) throw new MigrationError(`Refusing to migrate:\n  - ${problems.join("\n  - ")}`);

    const done = new Set(applied.map((a) => a.name));
    const pending = files.filter((f) => !done.has(f.name));
    for (const file of pending) {
      log(`applying migration ${file.name}`);
      await client.query("BEGIN");
      try {
        await client.query(file.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count, started_at)
           VALUES ($1, $2, now(), $3, 1, now())`,
          [randomUUID(), file.checksum, file.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`migration ${file.name} failed and was rolled back: ${(error as Error).message}`);
      }
    }
    return { applied: pending.map((f) => f.name), alreadyApplied: applied.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock_all()").catch(() => {});
    await client.end();
  }
}

/** For readiness checks: are all migration folders applied, unchanged? */
export async function migrationStatus(client: pg.ClientBase, dir?: string) {
  const files = await readMigrationFiles(dir);
  const applied = await readAppliedMigrations(client);
  const done = new Set(applied.map((a) => a.name));
  return {
    pending: files.filter((f) => !done.has(f.name)).map((f) => f.name),
    problems: findDrift(files, applied),
  };
}
