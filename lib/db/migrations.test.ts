import { mkdtemp, mkdir, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_MIGRATIONS_DIR, migrate, migrationChecksum, readMigrationFiles } from "@/lib/db/migrations";
import { createEmptyDatabase, withClient } from "@/lib/test-support/databases";

const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const drop of drops.splice(0)) await drop();
});

async function emptyDb() {
  const db = await createEmptyDatabase();
  drops.push(db.drop);
  return db.url;
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "tokendesk-migrations-"));
  await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe("migration runner", () => {
  it("computes Prisma's checksum: sha256 with CRLF normalised", () => {
    expect(migrationChecksum("SELECT 1;\r\n")).toBe(migrationChecksum("SELECT 1;\n"));
    expect(migrationChecksum("SELECT 1;\n")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("applies every folder in order, records it like Prisma, and is idempotent", async () => {
    const url = await emptyDb();
    const files = await readMigrationFiles();
    const first = await migrate(url);
    expect(first.applied).toEqual(files.map((f) => f.name));
    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(files.length);
    const rows = await withClient(url, (c) =>
      c.query(
        "SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name",
      ),
    );
    expect(rows.rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    expect(rows.rows.every((r) => r.finished_at instanceof Date && r.applied_steps_count === 1)).toBe(true);
  });

  it("refuses to start when an applied migration file has changed", async () => {
    const url = await emptyDb();
    const dir = await copyOfMigrations();
    await migrate(url, { dir });
    const [first] = await readMigrationFiles(dir);
    await writeFile(path.join(dir, first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
    await expect(migrate(url, { dir })).rejects.toThrow(/was changed after it was applied/);
  });

  it("refuses when an applied migration folder is missing", async () => {
    const url = await emptyDb();
    const dir = await copyOfMigrations();
    await mkdir(path.join(dir, "29990101000000_later"));
    await writeFile(path.join(dir, "29990101000000_later", "migration.sql"), "CREATE TABLE later_thing (id int);");
    await migrate(url, { dir });
    const other = await copyOfMigrations();
    await expect(migrate(url, { dir: other })).rejects.toThrow(
      /29990101000000_later is applied but its folder is missing/,
    );
  });

  it("rolls back a failing migration completely and records nothing", async () => {
    const url = await emptyDb();
    const dir = await copyOfMigrations();
    await mkdir(path.join(dir, "29990101000000_broken"));
    await writeFile(
      path.join(dir, "29990101000000_broken", "migration.sql"),
      "CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;",
    );
    await expect(migrate(url, { dir })).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    const state = await withClient(url, async (c) => ({
      table: (await c.query("SELECT to_regclass('half_done') AS t")).rows[0].t,
      recorded: (
        await c.query(
          "SELECT count(*)::int AS n FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'",
        )
      ).rows[0].n,
    }));
    expect(state).toEqual({ table: null, recorded: 0 });
  });

  it("serialises concurrent runners with an advisory lock: each migration applied once", async () => {
    const url = await emptyDb();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    const appliedCounts = results.map((r) => r.applied.length).sort();
    const files = await readMigrationFiles();
    expect(appliedCounts).toEqual([0, 0, files.length]);
    const count = await withClient(url, (c) => c.query("SELECT count(*)::int AS n FROM _prisma_migrations"));
    expect(count.rows[0].n).toBe(files.length);
  });
});
