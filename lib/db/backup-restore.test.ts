import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEvent } from "@/lib/audit/append";
import { auditEvents, NO_REQUEST } from "@/lib/audit/events";
import { resetAuditKeyCache } from "@/lib/audit/hmac-key";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { packagedPostgres, type PostgresBinaries } from "@/lib/db/postgres-binaries";
import { closePgPool } from "@/lib/db/pg-pool";
import { resetEnvCache } from "@/lib/env";
import { freePort } from "@/lib/test-support/free-port";
import { testAgent, testChange, testIntent } from "@/lib/test-support/audit-events";

/**
 * README, "Backup and restore", done as an operator would on a real server:
 * the two roles of "Database roles", `npm run db:migrate`, audit rows written
 * by the web server's role, a checkpoint shipped off the box, `pg_dump -Fc`,
 * `pg_restore` into a fresh database, `npm run db:migrate` again for the
 * grants, and `npm run audit:verify -- --checkpoints` with the key from the
 * off-box key file.
 *
 * pg_dump refuses a server newer than itself, so the server here is started
 * from the same PostgreSQL installation as the pg_dump and pg_restore used:
 * the npm package of the embedded database when it ships them (18.4 does not),
 * otherwise the machine's PostgreSQL (Debian's /usr/lib/postgresql/<major>).
 */

interface Toolset {
  binaries: PostgresBinaries;
  pgDump: string;
  pgRestore: string;
}

async function findToolset(): Promise<Toolset | undefined> {
  const candidates: PostgresBinaries[] = [];
  try {
    candidates.push(await packagedPostgres());
  } catch {
    // no embedded programs for this platform
  }
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const majors = readdirSync(debian).filter((name) => /^\d+$/.test(name));
    for (const major of majors.sort((x, y) => Number(y) - Number(x)))
      candidates.push({ dir: path.join(debian, major), version: major });
  }
  for (const binaries of candidates) {
    const bin = (program: string) => path.join(binaries.dir, "bin", program);
    if (["postgres", "initdb", "pg_dump", "pg_restore"].every((p) => existsSync(bin(p))))
      return { binaries, pgDump: bin("pg_dump"), pgRestore: bin("pg_restore") };
  }
  return undefined;
}

function run(file: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; out: string }>((resolve) => {
    execFile(file, args, { env: { ...process.env, ...env }, timeout: 90_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, out: stdout + stderr }),
    );
  });
}

/** An npm command (package.json runs them with tsx and the react-server condition). */
function npmCommand(script: string, args: string[], env: Record<string, string>) {
  return run(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", `scripts/${script}.ts`, ...args],
    // Nothing of this test process's own database or key may leak into the command.
    { LOG_LEVEL: "silent", DATABASE_OWNER_URL: "", AUDIT_HMAC_KEY: "", AUDIT_HMAC_KEY_FILE: "", ...env },
  );
}

async function query<T extends Record<string, unknown>>(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const toolset = await findToolset();
const OWNER = { name: "tokendesk_owner", password: randomBytes(12).toString("hex") };
const APP = { name: "tokendesk_app", password: randomBytes(12).toString("hex") };

describe("backup and restore with pg_dump and pg_restore", () => {
  let server: EmbeddedDatabase;
  let folder: string;
  let serverFolder: string;
  /** Made by the first test, restored again by the second. */
  const made = { dumpFile: "", keyFile: "", checkpoints: "", rows: 0 };
  const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, AUDIT_HMAC_KEY: process.env.AUDIT_HMAC_KEY };
  const url = (who: { name: string; password: string }, database: string) => {
    const u = new URL(server.urlFor(database));
    u.username = who.name;
    u.password = who.password;
    return u.toString();
  };

  beforeAll(async () => {
    // A machine without them fails here, in a sentence, rather than passing quietly.
    if (!toolset)
      throw new Error(
        "No PostgreSQL installation with postgres, initdb, pg_dump and pg_restore was found (the embedded database's npm package ships no pg_dump): apt-get install postgresql",
      );
    folder = await mkdtemp(path.join(tmpdir(), "tokendesk-backup-"));
    // A folder of its own: run as root, PostgreSQL runs as the postgres user, who cannot enter `folder`.
    serverFolder = await mkdtemp(path.join(tmpdir(), "tokendesk-backup-server-"));
    server = await startEmbeddedPostgres({
      dataDir: serverFolder,
      port: await freePort(),
      database: "postgres",
      binaries: toolset!.binaries,
    });
    // README, "Database roles": once, as a PostgreSQL superuser.
    const superuser = new pg.Client({ connectionString: server.urlFor("postgres") });
    await superuser.connect();
    await superuser.query(`CREATE ROLE ${OWNER.name} LOGIN PASSWORD '${OWNER.password}'`);
    await superuser.query(
      `CREATE ROLE ${APP.name} LOGIN PASSWORD '${APP.password}' NOSUPERUSER NOCREATEDB NOCREATEROLE`,
    );
    await superuser.end();
    await createDatabase("tokendesk");
  }, 120_000);

  afterAll(async () => {
    await closePgPool();
    Object.assign(process.env, savedEnv);
    resetEnvCache();
    resetAuditKeyCache();
    await server?.stop();
    for (const dir of [folder, serverFolder]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A database owned by the owner, public schema included (README's SQL, as a superuser). */
  async function createDatabase(name: string) {
    await query(server.urlFor("postgres"), `CREATE DATABASE ${name} OWNER ${OWNER.name}`);
    const client = new pg.Client({ connectionString: server.urlFor(name) });
    await client.connect();
    await client.query(`ALTER SCHEMA public OWNER TO ${OWNER.name}`);
    await client.query("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    await client.end();
  }

  it("restores a dump into a fresh database where audit:verify passes with the off-box key and checkpoint", async () => {
    const key = randomBytes(32).toString("hex");
    const keyFile = path.join(folder, "audit-hmac-key"); // the copy kept off the box
    await writeFile(keyFile, `${key}\n`, { mode: 0o600 });
    const live = { DATABASE_OWNER_URL: url(OWNER, "tokendesk"), DATABASE_URL: url(APP, "tokendesk") };

    const migrated = await npmCommand("db-migrate", [], live);
    expect(migrated.code, migrated.out).toBe(0);
    expect(migrated.out).toContain(`The web server's role "${APP.name}" has its grants.`);

    // Rows as the web server writes them: its own role, the catalogue, the group commit.
    process.env.DATABASE_URL = live.DATABASE_URL;
    process.env.AUDIT_HMAC_KEY = key;
    resetEnvCache();
    resetAuditKeyCache();
    await closePgPool();
    const agent = testAgent("Backup");
    const append = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const serial = String(300000000100 + i);
        const intent = testIntent(agent, testChange({ action: "DISABLE", serial, ticket: `INC-${i}`, reason: "lost" }));
        const before = { tokenStatus: "Enabled", tokenState: "Activated", userId: null };
        await Promise.all([
          appendAuditEvent(
            auditEvents.lookup({
              actor: agent,
              request: NO_REQUEST,
              serial,
              tokenType: "SID700",
              rsaUserId: null,
              outcome: "FOUND",
            }),
          ),
          appendAuditEvent(auditEvents.changeIntent({ intent, stateBefore: before })),
        ]);
        await appendAuditEvent(
          auditEvents.changeOutcome({
            intent,
            outcome: "SUCCESS",
            failure: { rsaStatus: 200 },
            stateBefore: before,
            stateAfter: { ...before, tokenStatus: "Disabled" },
            durationMs: 40 + i,
          }),
        );
      }
    };
    await append(20);

    // The checkpoint an operator's cron ships off the box, taken before the dump; rows keep coming after it.
    const checkpoints = path.join(folder, "checkpoints.jsonl");
    const checkpoint = await npmCommand("audit-checkpoint", ["--out", checkpoints], {
      DATABASE_URL: live.DATABASE_URL,
      AUDIT_HMAC_KEY_FILE: keyFile,
    });
    expect(checkpoint.code, checkpoint.out).toBe(0);
    await append(5);
    await closePgPool();
    const source = await query<{ rows: number; head: string }>(
      live.DATABASE_URL,
      "SELECT count(*)::int AS rows, (SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1) AS head FROM audit_events",
    );
    expect(source[0]!.rows).toBe(20 * 3 + 1 + 5 * 3);

    // README: pg_dump as the owner, in the custom format.
    const dumpFile = path.join(folder, "tokendesk.dump");
    Object.assign(made, { dumpFile, keyFile, checkpoints, rows: source[0]!.rows });
    const dumped = await run(toolset!.pgDump, [
      "--format=custom",
      `--file=${dumpFile}`,
      `--dbname=${live.DATABASE_OWNER_URL}`,
    ]);
    expect(dumped.code, dumped.out).toBe(0);

    // A fresh database on the same server (as after losing the old one), restored as the owner.
    await createDatabase("tokendesk_restored");
    const restored = {
      DATABASE_OWNER_URL: url(OWNER, "tokendesk_restored"),
      DATABASE_URL: url(APP, "tokendesk_restored"),
    };
    const restore = await run(toolset!.pgRestore, [
      "--no-owner",
      "--no-privileges",
      "--exit-on-error",
      `--dbname=${restored.DATABASE_OWNER_URL}`,
      dumpFile,
    ]);
    expect(restore.code, restore.out).toBe(0);

    // Restored without privileges, the web server's role can read nothing until db:migrate grants again.
    const before = await query<{ select: boolean }>(
      restored.DATABASE_OWNER_URL,
      "SELECT has_table_privilege($1, 'public.audit_events', 'SELECT') AS select",
      [APP.name],
    );
    expect(before[0]!.select).toBe(false);
    const regranted = await npmCommand("db-migrate", [], restored);
    expect(regranted.code, regranted.out).toBe(0);
    expect(regranted.out).toContain("Database is up to date");
    expect(regranted.out).toContain(`The web server's role "${APP.name}" has its grants.`);
    const privileges = await query<Record<string, boolean>>(
      restored.DATABASE_OWNER_URL,
      `SELECT ${["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE"]
        .map((p) => `has_table_privilege($1, 'public.audit_events', '${p}') AS ${p.toLowerCase()}`)
        .join(", ")}`,
      [APP.name],
    );
    expect(privileges[0]).toEqual({ select: true, insert: true, update: false, delete: false, truncate: false });

    const copy = await query<{ rows: number; head: string; distinct: number; last: string }>(
      restored.DATABASE_URL,
      `SELECT count(*)::int AS rows, count(DISTINCT seq)::int AS distinct, max(seq)::text AS last,
              (SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1) AS head FROM audit_events`,
    );
    expect(copy[0]).toEqual({ ...source[0], distinct: source[0]!.rows, last: String(source[0]!.rows) });
    // The append-only triggers came back with the table.
    await expect(query(restored.DATABASE_OWNER_URL, "DELETE FROM audit_events WHERE seq = 1")).rejects.toThrow();

    // The verify command against the restored copy, with the key from the off-box file and the checkpoint.
    const verified = await npmCommand("audit-verify", ["--checkpoints", checkpoints], {
      DATABASE_URL: restored.DATABASE_URL,
      AUDIT_HMAC_KEY_FILE: keyFile,
    });
    expect(verified.code, verified.out).toBe(0);
    expect(verified.out).toContain(`Audit chain intact: ${source[0]!.rows} rows checked`);
    expect(verified.out).toContain("1 checkpoint(s) matched");
    expect(JSON.parse((await readFile(checkpoints, "utf8")).trim())).toMatchObject({ seq: "60" });

    // Any other key fails: the chain cannot be verified (or forged) without the one kept off the box.
    const wrongKeyFile = path.join(folder, "wrong-key");
    await writeFile(wrongKeyFile, randomBytes(32).toString("hex"), { mode: 0o600 });
    const wrong = await npmCommand("audit-verify", [], {
      DATABASE_URL: restored.DATABASE_URL,
      AUDIT_HMAC_KEY_FILE: wrongKeyFile,
    });
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain("AUDIT CHAIN BROKEN at row 1");
  }, 180_000);

  it("restores over a database that is already migrated and empty (a fresh start) with --clean", async () => {
    expect(made.dumpFile, "the first test made the dump").not.toBe("");
    await createDatabase("tokendesk_fresh");
    const fresh = { DATABASE_OWNER_URL: url(OWNER, "tokendesk_fresh"), DATABASE_URL: url(APP, "tokendesk_fresh") };
    const migrated = await npmCommand("db-migrate", [], fresh);
    expect(migrated.code, migrated.out).toBe(0);

    const restore = await run(toolset!.pgRestore, [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--no-privileges",
      "--single-transaction",
      "--exit-on-error",
      `--dbname=${fresh.DATABASE_OWNER_URL}`,
      made.dumpFile,
    ]);
    expect(restore.code, restore.out).toBe(0);
    const regranted = await npmCommand("db-migrate", [], fresh);
    expect(regranted.code, regranted.out).toBe(0);
    const verified = await npmCommand("audit-verify", ["--checkpoints", made.checkpoints], {
      DATABASE_URL: fresh.DATABASE_URL,
      AUDIT_HMAC_KEY_FILE: made.keyFile,
    });
    expect(verified.code, verified.out).toBe(0);
    expect(verified.out).toContain(`Audit chain intact: ${made.rows} rows checked`);
  }, 120_000);
});
