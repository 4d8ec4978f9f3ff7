import { spawn } from "node:child_process";
import path from "node:path";

/**
 * `npm start` (scripts/start.ts) with an existing build, in demo mode, to
 * ready: the first start of a new data folder (PostgreSQL's initdb, the
 * migrations, the simulator's keys, demo accounts) and the next one.
 */
export interface StartFigures {
  firstStartSeconds: number;
  startSeconds: number;
}

const TSX_CLI = path.resolve("node_modules", "tsx", "dist", "cli.mjs");

async function startOnce(env: Record<string, string>, url: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [TSX_CLI, "--conditions=react-server", "scripts/start.ts"], {
    detached: true, // its own process group, ended as one below
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited before it was ready:\n${output}`);
      if (performance.now() - started > 180_000) throw new Error(`npm start was not ready in 180 s:\n${output}`);
      try {
        if ((await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(2000) })).ok) break;
      } catch {
        // not yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return (performance.now() - started) / 1000;
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM");
    const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, "SIGKILL"), 20_000);
    await exited;
    clearTimeout(timer);
  }
}

export async function measureStart(options: {
  dataDir: string;
  distDir: string;
  ports: { web: number; simulator: number; pg: number };
  log: (line: string) => void;
}): Promise<StartFigures> {
  const { ports } = options;
  const env: Record<string, string> = {
    DATA_DIR: options.dataDir,
    PORT: String(ports.web),
    SIMULATOR_PORT: String(ports.simulator),
    EMBEDDED_PG_PORT: String(ports.pg),
    NEXT_DIST_DIR: options.distDir,
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    // Demo mode, nothing of the bench's own settings.
    DATABASE_URL: "",
    DATABASE_OWNER_URL: "",
    NEXTAUTH_URL: "",
    NEXTAUTH_SECRET: "",
    AUTH_SECRET: "",
    AUDIT_HMAC_KEY: "",
    RSA_ADMIN_KEY_FILE: "",
    RSA_OAUTH_ISSUER: "",
    RSA_OAUTH_CLIENT_ID: "",
    RSA_OAUTH_KEY_FILE: "",
    RSA_ADMIN_API_URL: "",
  };
  const url = `http://127.0.0.1:${ports.web}`;
  const firstStartSeconds = await startOnce(env, url);
  options.log(`  first start of a new data folder: ${firstStartSeconds.toFixed(1)} s`);
  const startSeconds = await startOnce(env, url);
  options.log(`  start with the data folder in place: ${startSeconds.toFixed(1)} s`);
  return { firstStartSeconds, startSeconds };
}
