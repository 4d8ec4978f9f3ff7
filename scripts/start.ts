// npm start — everything needed to serve tokendesk on one machine:
// build if needed, database (embedded unless DATABASE_URL), migrations and the
// web server's database grants, the RSA simulator and demo accounts in demo
// mode, then the web server (scripts/web-server.mjs) — all supervised: if any part dies, everything stops
// and the command exits non-zero (lib/process/supervisor.ts).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { authSecret, env, EnvError, resetEnvCache, rsaCredentialKind } from "../lib/env";
import { resolveDatabase } from "../lib/db/connection";
import { prepareDatabase } from "../lib/db/prepare-database";
import { disconnectDb } from "../lib/db";
import { readOrCreateSecret } from "../lib/local-secret";
import { disableDemoAccounts, ensureDemoAccounts } from "../lib/users/demo-accounts";
import { loadRsaConfig } from "../lib/rsa/config";
import { childExit, stopChild } from "../lib/process/child-exit";
import { assertCanListen } from "../lib/process/port-check";
import { childProcessPart, Supervisor } from "../lib/process/supervisor";
import { startDemoTenant } from "./start-demo-tenant";
import { printStartFailure } from "./start-errors";
import { planListening, publicUrlMismatch } from "./start-listen";
import { printBanner, say, warn } from "./start-output";
import { NEXT_BIN, spawnWebServer, waitUntilServing, webServerEnv } from "./start-web-server";

const supervisor = new Supervisor({ log: say, exit: (code) => process.exit(code) });
/** After Ctrl+C (or a part dying) the start sequence stops where it is. */
const stopped = () => supervisor.isStopping;
let serving = false;

async function main(): Promise<void> {
  const config = env();
  const dataDir = path.resolve(config.DATA_DIR);
  const demo = rsaCredentialKind(config) === "none";
  const listen = planListening(config, demo);

  // A wrong RSA credential stops the start with a message naming the problem, not the first agent's search.
  if (!demo) {
    const rsa = loadRsaConfig(config);
    say(
      `RSA: ${rsa.credential.kind === "legacy-key" ? "legacy Administration API key" : "OAuth client"} for ${rsa.apiBase} (npm run rsa:check tests it).`,
    );
  }
  // Taken ports are found now, not after a minute of building and migrating.
  await assertCanListen({
    port: config.PORT,
    host: listen.host,
    what: "the web server",
    portVariable: "PORT",
    hostVariable: "HOST",
  });
  if (demo) {
    await assertCanListen({
      port: config.SIMULATOR_PORT,
      host: "127.0.0.1",
      what: "the RSA simulator",
      portVariable: "SIMULATOR_PORT",
    });
  }

  if (!existsSync(path.join(process.cwd(), config.NEXT_DIST_DIR, "BUILD_ID"))) {
    say("No production build yet: building (about a minute on first start)…");
    const build = spawn(process.execPath, [NEXT_BIN, "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    const forget = supervisor.add({ name: "the build", stop: () => stopChild(build).then(() => {}) });
    const exit = await childExit(build);
    forget();
    if (stopped()) return;
    if (exit.code !== 0) throw new Error("The build failed; see the output above.");
  }

  let secret = authSecret(config);
  if (!secret) {
    if (config.DATABASE_URL && !demo)
      throw new EnvError([
        "NEXTAUTH_SECRET (or AUTH_SECRET) must be set when DATABASE_URL is set: every instance must share it",
      ]);
    secret = await readOrCreateSecret(dataDir, "auth-secret");
  }

  let auditKey = config.AUDIT_HMAC_KEY ?? (config.AUDIT_HMAC_KEY_FILE ? undefined : null);
  if (auditKey === null) {
    if (config.DATABASE_URL && !demo)
      throw new EnvError([
        "AUDIT_HMAC_KEY (or AUDIT_HMAC_KEY_FILE) must be set when DATABASE_URL is set: every instance must share it",
      ]);
    auditKey = await readOrCreateSecret(dataDir, "audit-hmac-key", 48);
  }

  const database = await resolveDatabase(say);
  if (database.exited)
    supervisor.add({ name: "the embedded PostgreSQL", stop: database.stop, exited: database.exited });
  if (stopped()) return;
  say(
    !database.embedded
      ? `Database: the server in DATABASE_URL${database.ownerSource === "DATABASE_OWNER_URL" ? " (migrations and grants as DATABASE_OWNER_URL)" : ""}.`
      : database.clusterDir
        ? `Embedded PostgreSQL ready (data in ${database.clusterDir}).`
        : `Using the embedded PostgreSQL already running on port ${config.EMBEDDED_PG_PORT}.`,
  );

  const prepared = await prepareDatabase(database, say);
  if (stopped()) return;
  say(`Database schema up to date (${prepared.total} migrations); the web server connects as "${prepared.appRole}".`);
  prepared.warnings.forEach(warn);
  process.env.DATABASE_URL = database.appUrl;
  delete process.env.DATABASE_OWNER_URL; // nothing after this point needs the owner
  // Demo accounts are audited here, before the web server exists: this process needs the key too.
  if (auditKey) process.env.AUDIT_HMAC_KEY = auditKey;
  resetEnvCache(); // the configuration read above had no DATABASE_URL yet

  const publicUrl = config.NEXTAUTH_URL ?? listen.defaultPublicUrl;
  const childEnv: Record<string, string> = {
    DATABASE_URL: database.appUrl,
    NEXTAUTH_SECRET: secret,
    ...(auditKey ? { AUDIT_HMAC_KEY: auditKey } : {}),
    NEXTAUTH_URL: publicUrl,
    DEMO_MODE: demo ? "true" : "false",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  };

  let accounts: Awaited<ReturnType<typeof ensureDemoAccounts>> = [];
  if (demo) {
    const tenant = await startDemoTenant(dataDir, config.SIMULATOR_PORT);
    supervisor.add({ name: "the RSA simulator", stop: tenant.close });
    Object.assign(childEnv, tenant.env);
    accounts = await ensureDemoAccounts(dataDir);
  } else {
    const disabled = await disableDemoAccounts();
    if (disabled > 0) say(`Disabled ${disabled} demo account(s): RSA credentials are configured, so demo mode is off.`);
  }
  await disconnectDb();
  if (stopped()) return;

  const web = spawnWebServer(config.PORT, listen, webServerEnv(process.env, childEnv));
  const webPart = childProcessPart("the web server", web);
  supervisor.add(webPart);
  say(listen.note);
  const mismatch = publicUrlMismatch(publicUrl, listen);
  if (mismatch) warn(mismatch);
  if (!(await waitUntilServing(listen.localUrl, webPart.exited!))) {
    if (!stopped()) warn(`The web server does not answer at ${listen.localUrl} yet.`);
    if (stopped()) return;
  }
  printBanner({ url: publicUrl, demo, accounts });
  serving = true;
}

function stop(signal: string) {
  if (!stopped()) say(`${signal}: stopping.`);
  void supervisor.shutdown(0);
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGHUP", () => stop("SIGHUP"));

// Anything thrown outside the start sequence (a dropped connection's error event) ends here too, in a sentence.
function fail(error: unknown) {
  if (stopped()) return;
  const code = printStartFailure(error, process.env.LOG_LEVEL, serving ? "stopped" : "could not start");
  void supervisor.shutdown(code);
}
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);

main().catch(fail);
