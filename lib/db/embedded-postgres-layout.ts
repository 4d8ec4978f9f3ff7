import "server-only";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import path from "node:path";
import { binPath, copyBinaries, type PostgresBinaries } from "@/lib/db/postgres-binaries";
import { canAccess, type RunAs } from "@/lib/db/postgres-system-user";

/**
 * Where the embedded PostgreSQL's programs and data live. Normally: the npm
 * package's programs and DATA_DIR/pg. When tokendesk runs as root, PostgreSQL
 * runs as the `postgres` user, who may be unable to reach either (a checkout
 * under /root, mode 700): then programs and data go under a system folder
 * (/var/lib/tokendesk) that user can reach — the data folder's path chosen from
 * the data folder's own path, so every start of the same project finds it.
 */
export interface EmbeddedLayout {
  binaries: PostgresBinaries;
  clusterDir: string;
  /** What was moved and why, in sentences for the start output. */
  notes: string[];
}

export const DEFAULT_SYSTEM_DIR = "/var/lib/tokendesk";

export async function planEmbeddedLayout(options: {
  dataDir: string;
  runAs: RunAs | undefined;
  packaged: PostgresBinaries;
  systemDir?: string;
}): Promise<EmbeddedLayout> {
  const { dataDir, runAs, packaged } = options;
  const systemDir = options.systemDir ?? DEFAULT_SYSTEM_DIR;
  const local = path.join(dataDir, "pg");
  if (!runAs) return { binaries: packaged, clusterDir: local, notes: [] };

  const notes: string[] = [];
  let binaries = packaged;
  if (!canAccess(runAs, [["-x", binPath(packaged, "postgres")]])) {
    binaries = await copyBinaries(packaged, systemDir);
    notes.push(
      `PostgreSQL runs as the postgres user, who cannot reach ${packaged.dir}: using a copy in ${binaries.dir}.`,
    );
    if (!canAccess(runAs, [["-x", binPath(binaries, "postgres")]])) throw unreachable(binaries.dir);
  }

  const relocated = path.join(systemDir, clusterFolderName(dataDir), "pg");
  let clusterDir: string;
  if (existsSync(path.join(local, "PG_VERSION"))) clusterDir = local;
  else if (existsSync(path.join(relocated, "PG_VERSION"))) clusterDir = relocated;
  else clusterDir = canAccess(runAs, [["-x", dataDir]]) ? local : relocated;

  if (clusterDir === relocated) {
    await mkdir(systemDir, { recursive: true, mode: 0o755 });
    // Traversable, not listable: only the postgres-owned pg/ inside matters to that user.
    await mkdir(path.dirname(relocated), { recursive: true });
    await chmod(path.dirname(relocated), 0o711);
    notes.push(`The postgres user cannot reach ${dataDir}: the database's files are in ${relocated}.`);
  }
  if (!canAccess(runAs, [["-x", path.dirname(clusterDir)]])) throw unreachable(path.dirname(clusterDir));
  return { binaries, clusterDir, notes };
}

/** "<project folder>-<hash of the data folder's path>": readable by a person, unique per data folder. */
export function clusterFolderName(dataDir: string): string {
  const absolute = path.resolve(dataDir);
  const project = path.basename(path.dirname(absolute)).replace(/[^A-Za-z0-9_.-]/g, "_") || "tokendesk";
  const hash = createHash("sha256").update(absolute).digest("hex").slice(0, 10);
  return `${project}-${hash}`;
}

function unreachable(dir: string): Error {
  return new Error(
    `tokendesk runs as root, so its embedded PostgreSQL runs as the postgres user, who cannot reach ${dir}; run tokendesk as an ordinary user, or set DATABASE_URL to a PostgreSQL server.`,
  );
}
