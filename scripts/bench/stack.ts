import { fork, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { ensureLoginRole } from "../../lib/db/app-role";
import { embeddedUrl, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { prepareDatabase } from "../../lib/db/prepare-database";

/**
 * The parts `npm run bench` runs, each in a process of its own: the
 * production build, PostgreSQL (the embedded one `npm start` uses, its web
 * server connecting as a role of its own), the RSA simulator, and tokendesk's
 * web server (scripts/web-server.mjs, as `npm start` runs it) — one or two.
 */

/** The bench's own build; a profiling run uses one built with --no-mangling, so profiles name functions. */
export const BUILD = { distDir: ".next-bench", mangling: true };

export function chooseProfilingBuild(): void {
  BUILD.distDir = ".next-bench-prof";
  BUILD.mangling = false;
}
const NEXT_BIN = path.resolve("node_modules", "next", "dist", "bin", "next");
const WEB_SERVER = path.resolve("scripts", "web-server.mjs");
const PROFILED_WEB_SERVER = path.resolve("scripts", "bench", "profiled-web-server.mjs");
const TSX_EXEC_ARGV = ["--import", "tsx", "--conditions=react-server"];

/** Builds into BUILD.distDir unless a build is there already; leaves tsconfig.json as it found it. */
export async function ensureBuild(rebuild: boolean, log: (line: string) => void): Promise<number | null> {
  if (!rebuild && existsSync(path.join(BUILD.distDir, "BUILD_ID"))) return null;
  log(`Building into ${BUILD.distDir} (next build)…`);
  // next build adds its build folder's types to tsconfig.json; that is not a change anyone asked for.
  const tsconfig = await readFile("tsconfig.json", "utf8");
  const started = performance.now();
  const child = spawn(process.execPath, [NEXT_BIN, "build", ...(BUILD.mangling ? [] : ["--no-mangling"])], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_DIST_DIR: BUILD.distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if ((await readFile("tsconfig.json", "utf8")) !== tsconfig) await writeFile("tsconfig.json", tsconfig);
  if (code !== 0) throw new Error("next build failed; see above");
  return (performance.now() - started) / 1000;
}

export interface BenchDatabase {
  ownerUrl: string;
  /** PostgreSQL's own folder (its postmaster.pid names the server process). */
  clusterDir: string;
  appUrl: string;
  query<T extends Record<string, unknown>>(sql: string, values?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

export async function startBenchPostgres(dataDir: string, port: number): Promise<BenchDatabase> {
  const server = await startEmbeddedPostgres({ dataDir, port, database: "tokendesk" });
  const appPassword = randomBytes(18).toString("base64url");
  const owner = new pg.Client({ connectionString: server.url });
  await owner.connect();
  try {
    await ensureLoginRole(owner, "tokendesk_app", appPassword);
    await owner.query("GRANT CONNECT ON DATABASE tokendesk TO tokendesk_app");
  } finally {
    await owner.end();
  }
  const appUrl = embeddedUrl("tokendesk_app", appPassword, port, "tokendesk");
  await prepareDatabase({
    embedded: false,
    ownerUrl: server.url,
    ownerSource: "the bench database",
    appUrl,
    appSource: "the bench database",
    stop: async () => {},
  });
  const ownerPool = new pg.Pool({ connectionString: server.url, max: 2 });
  return {
    ownerUrl: server.url,
    clusterDir: server.clusterDir,
    appUrl,
    async query<T extends Record<string, unknown>>(sql: string, values: unknown[] = []) {
      return (await ownerPool.query<T>(sql, values)).rows;
    },
    async stop() {
      await ownerPool.end().catch(() => {});
      await server.stop();
    },
  };
}

export interface SimulatorCounts {
  /** Every Administration API request, the bench's own included. */
  adminRequests: number;
  /** The bench's own, sent straight to the tenant (marked ?bench=bare). */
  bareRequests: number;
  tokensIssued: number;
  tokenRequests: number;
}

export interface BenchSimulator {
  url: string;
  pid: number;
  adminRestApiUrl: string;
  oauth: { issuer: string; clientId: string; keyFile: string; scopes: string[] };
  counts(): Promise<SimulatorCounts>;
  stop(): Promise<void>;
}

export async function startBenchSimulator(port: number, keyDir: string): Promise<BenchSimulator> {
  const child = fork(path.resolve("scripts", "bench", "simulator-process.ts"), [String(port), keyDir], {
    execArgv: TSX_EXEC_ARGV,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = await new Promise<{ url: string; adminRestApiUrl: string; oauth: BenchSimulator["oauth"] }>(
    (resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`the simulator exited (code ${code}) before it was ready`)));
      child.on("message", (message: { type: string } & Record<string, unknown>) => {
        if (message.type === "ready") resolve(message as never);
      });
    },
  );
  let nextId = 0;
  return {
    ...ready,
    pid: child.pid!,
    counts: () =>
      new Promise((resolve) => {
        const id = ++nextId;
        const onMessage = (message: { type: string; id: number } & SimulatorCounts) => {
          if (message.type !== "counts" || message.id !== id) return;
          child.off("message", onMessage);
          resolve({
            adminRequests: message.adminRequests,
            bareRequests: message.bareRequests,
            tokensIssued: message.tokensIssued,
            tokenRequests: message.tokenRequests,
          });
        };
        child.on("message", onMessage);
        child.send({ type: "counts", id });
      }),
    stop: () => stopChild(child),
  };
}

export interface AppInstance {
  url: string;
  port: number;
  pid: number;
  /** From spawning the web server to its first answer on /api/health. */
  readyMs: number;
  /** Profiling runs only: a CPU profile of the web server while `work` runs, saved as <label>.cpuprofile. */
  profile?<T>(label: string, work: () => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/** Variables of the bench's own shell that must not reach the web server. */
const CLEARED = [
  "HOST",
  "DATABASE_OWNER_URL",
  "NEXTAUTH_URL",
  "AUTH_SECRET",
  "AUDIT_HMAC_KEY_FILE",
  "RSA_ADMIN_KEY_FILE",
  "NODE_OPTIONS",
  "OIDC_ISSUER",
  "OIDC_CLIENT_ID",
  "OIDC_CLIENT_SECRET",
];

export async function startApp(options: {
  port: number;
  env: Record<string, string>;
  logFile: string;
  /** Lets the bench take CPU profiles of chosen measurements into this folder (profiled-web-server.mjs). */
  profileDir?: string;
}): Promise<AppInstance> {
  await mkdir(path.dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: "a" });
  const { profileDir } = options;
  if (profileDir) await mkdir(profileDir, { recursive: true });
  let profiles = 0;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [profileDir ? PROFILED_WEB_SERVER : WEB_SERVER, "--port", String(options.port), "--host", "127.0.0.1"],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !CLEARED.includes(name))),
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: BUILD.distDir,
        NEXTAUTH_URL: `http://127.0.0.1:${options.port}`,
        DEMO_MODE: "false",
        LOG_LEVEL: "warn",
        ...(profileDir ? { BENCH_PROFILE_DIR: profileDir } : {}),
        ...options.env,
      },
    },
  );
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const url = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let ended = false;
  void exited.then(() => (ended = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (ended)
      throw new Error(`the web server on port ${options.port} exited before answering; see ${options.logFile}`);
    if (Date.now() > deadline) throw new Error(`the web server on port ${options.port} did not answer in 60 s`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    url,
    port: options.port,
    pid: child.pid!,
    readyMs: performance.now() - started,
    profile: profileDir
      ? async (label, work) => {
          let taken = 0;
          const written = path.join(profileDir, `${++profiles}.cpuprofile`);
          child.kill("SIGUSR2");
          try {
            return await work();
          } finally {
            child.kill("SIGUSR2");
            while (!existsSync(written) && taken++ < 100) await new Promise((resolve) => setTimeout(resolve, 100));
            await rename(written, path.join(profileDir, `${label}-${options.port}.cpuprofile`)).catch(() => {});
          }
        }
      : undefined,
    stop: () => stopChild(child),
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Signs in through next-auth's credentials flow, as the sign-in form does; returns the Cookie header. */
export async function signIn(baseUrl: string, credentials: { email: string; password: string }): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email: credentials.email, password: credentials.password, json: "true" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => c.startsWith("next-auth.session-token"));
  if (session.length === 0) throw new Error(`sign-in of ${credentials.email} failed (${response.status})`);
  return session.join("; ");
}
