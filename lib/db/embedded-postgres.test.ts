import { chmod, mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { clusterFolderName } from "@/lib/db/embedded-postgres-layout";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { packagedPostgres } from "@/lib/db/postgres-binaries";
import { freePort } from "@/lib/test-support/free-port";

/**
 * Run as root with the project in a folder the `postgres` user cannot reach
 * (a checkout under /root, mode 700): the embedded PostgreSQL still starts,
 * from a copy of its programs and with its data in a system folder that user
 * can reach, chosen from the data folder's path so that the next start finds
 * the same data. (As any other user PostgreSQL runs as that user: nothing to move.)
 */

const asRoot = process.getuid?.() === 0;
const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.runIf(asRoot)("the embedded PostgreSQL in a folder the postgres user cannot reach", () => {
  it("copies its programs and keeps its data under the system folder, the same one at every start", async () => {
    const home = await mkdtemp(path.join(tmpdir(), "tokendesk-root-home-"));
    const systemDir = await mkdtemp(path.join(tmpdir(), "tokendesk-system-"));
    cleanup.push(home, systemDir);
    await chmod(home, 0o700);
    await chmod(systemDir, 0o755);
    // The npm package's programs as seen from inside the unreachable checkout.
    const packaged = await packagedPostgres();
    await mkdir(path.join(home, "checkout", "node_modules"), { recursive: true });
    const unreachablePrograms = path.join(home, "checkout", "node_modules", "pg-native");
    await symlink(packaged.dir, unreachablePrograms);
    const dataDir = path.join(home, "checkout", ".data");
    const options = {
      dataDir,
      port: await freePort(),
      database: "tokendesk",
      systemDir,
      binaries: { dir: unreachablePrograms, version: `${packaged.version}-test` },
    };

    const notes: string[] = [];
    const first = await startEmbeddedPostgres({ ...options, log: (line) => notes.push(line) });
    const expectedCluster = path.join(systemDir, clusterFolderName(dataDir), "pg");
    try {
      expect(first.clusterDir).toBe(expectedCluster);
      expect(notes).toEqual([
        `PostgreSQL runs as the postgres user, who cannot reach ${unreachablePrograms}: using a copy in ${path.join(systemDir, `postgres-${packaged.version}-test`)}.`,
        `The postgres user cannot reach ${dataDir}: the database's files are in ${expectedCluster}.`,
      ]);
      await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('survives a restart')");
    } finally {
      await first.stop();
    }
    expect(await first.exited).toEqual({ code: 0, signal: null }); // a clean fast shutdown

    const second = await startEmbeddedPostgres(options);
    try {
      expect(second.clusterDir).toBe(expectedCluster);
      expect(await query(second.url, "SELECT note FROM kept")).toEqual([{ note: "survives a restart" }]);
    } finally {
      await second.stop();
    }
  });

  it("says in one sentence what to do when even the system folder is out of reach", async () => {
    const home = await mkdtemp(path.join(tmpdir(), "tokendesk-root-home-"));
    const systemDir = await mkdtemp(path.join(tmpdir(), "tokendesk-system-")); // 0700: unreachable too
    cleanup.push(home, systemDir);
    await chmod(home, 0o700);
    const packaged = await packagedPostgres();
    const unreachablePrograms = path.join(home, "pg-native");
    await symlink(packaged.dir, unreachablePrograms);
    await expect(
      startEmbeddedPostgres({
        dataDir: path.join(home, ".data"),
        port: await freePort(),
        database: "tokendesk",
        systemDir,
        binaries: { dir: unreachablePrograms, version: `${packaged.version}-test2` },
      }),
    ).rejects.toThrow(
      /^tokendesk runs as root, so its embedded PostgreSQL runs as the postgres user, who cannot reach .*; run tokendesk as an ordinary user, or set DATABASE_URL to a PostgreSQL server\.$/,
    );
  });
});

describe("the embedded PostgreSQL's start", () => {
  it("names a port that is already taken instead of failing with PostgreSQL's log", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "tokendesk-port-"));
    cleanup.push(dataDir);
    const { createServer } = await import("node:net");
    const blocker = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      await expect(startEmbeddedPostgres({ dataDir, port, database: "tokendesk" })).rejects.toThrow(
        `Port ${port} is already in use (127.0.0.1:${port}), so the embedded PostgreSQL cannot start: stop what uses it or set EMBEDDED_PG_PORT to another port.`,
      );
    } finally {
      blocker.close();
    }
  });
});
