// npm start — everything needed to serve tokendesk on one machine:
// build if needed, database (embedded unless DATABASE_URL), migrations,
// the RSA simulator and demo accounts in demo mode, then `next start`.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { authSecret, env, resetEnvCache, rsaCredentialKind } from "../lib/env";
import { resolveDatabase } from "../lib/db/connection";
import { migrate } from "../lib/db/migrations";
import { disconnectDb } from "../lib/db";
import { readOrCreateSecret } from "../lib/local-secret";
import { disableDemoAccounts, ensureDemoAccounts } from "../lib/users/demo-accounts";
import { loadRsaConfig } from "../lib/rsa/config";
import { startDemoTenant } from "./start-demo-tenant";
import { printBanner, say } from "./start-output";

const cleanups: (() => Promise<void>)[] = [];
let child: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child!.once("exit", resolve));
    }
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }
  process.exit(code);
}

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const proc = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
    proc.on("exit", (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<void> {
  const config = env();
  const dataDir = path.resolve(config.DATA_DIR);
  const demo = rsaCredentialKind(config) === "none";
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

  // A wrong RSA credential stops the start with a message naming the problem, not the first agent's search.
  if (!demo) {
    const rsa = loadRsaConfig(config);
    say(
      `RSA: ${rsa.credential.kind === "legacy-key" ? "legacy Administration API key" : "OAuth client"} for ${rsa.apiBase} (npm run rsa:check tests it).`,
    );
  }

  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    say("No production build yet: building (about a minute on first start)…");
    const code = await run(process.execPath, [nextBin, "build"], { NEXT_TELEMETRY_DISABLED: "1" });
    if (code !== 0) throw new Error("The build failed; see the output above.");
  }

  let secret = authSecret(config);
  if (!secret) {
    if (config.DATABASE_URL && !demo)
      throw new Error(
        "NEXTAUTH_SECRET (or AUTH_SECRET) must be set when DATABASE_URL is set: every instance must share it.",
      );
    secret = await readOrCreateSecret(dataDir, "auth-secret");
  }

  let auditKey = config.AUDIT_HMAC_KEY ?? (config.AUDIT_HMAC_KEY_FILE ? undefined : null);
  if (auditKey === null) {
    if (config.DATABASE_URL && !demo)
      throw new Error(
        "AUDIT_HMAC_KEY (or AUDIT_HMAC_KEY_FILE) must be set when DATABASE_URL is set: every instance must share it.",
      );
    auditKey = await readOrCreateSecret(dataDir, "audit-hmac-key", 48);
  }

  const database = await resolveDatabase();
  cleanups.push(() => database.stop());
  say(
    database.embedded
      ? `Embedded PostgreSQL ready (data in ${path.join(dataDir, "pg")}).`
      : "Connected to DATABASE_URL.",
  );
  process.env.DATABASE_URL = database.url;
  resetEnvCache(); // the configuration read above had no DATABASE_URL yet

  const migrated = await migrate(database.url, { log: say });
  say(`Database schema up to date (${migrated.alreadyApplied + migrated.applied.length} migrations).`);

  const childEnv: Record<string, string> = {
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: secret,
    ...(auditKey ? { AUDIT_HMAC_KEY: auditKey } : {}),
    NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`,
    DEMO_MODE: demo ? "true" : "false",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  let accounts: Awaited<ReturnType<typeof ensureDemoAccounts>> = [];
  if (demo) {
    const tenant = await startDemoTenant(dataDir, config.SIMULATOR_PORT);
    cleanups.push(tenant.close);
    childEnv.RSA_ADMIN_KEY_FILE = tenant.keyFile;
    accounts = await ensureDemoAccounts(dataDir);
  } else {
    const disabled = await disableDemoAccounts();
    if (disabled > 0) say(`Disabled ${disabled} demo account(s): RSA credentials are configured, so demo mode is off.`);
  }
  await disconnectDb();

  child = spawn(process.execPath, [nextBin, "start", "-p", String(config.PORT)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...childEnv },
  });
  child.on("exit", (code) => {
    if (!stopping) {
      say(`The web server stopped (exit code ${code}).`);
      void shutdown(code ?? 1);
    }
  });
  printBanner({ url: childEnv.NEXTAUTH_URL!, demo, accounts });
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

main().catch(async (error: Error) => {
  console.error(`\ntokendesk could not start: ${error.message}\n`);
  await shutdown(1);
});
