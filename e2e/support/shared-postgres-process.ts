// Run by e2e/support/shared-postgres.ts (tsx --conditions=react-server): one PostgreSQL for several
// tokendesk instances, as an operator's database server would be. Started with the same code as the
// embedded database of `npm start` (lib/db/embedded-postgres.ts), so it needs nothing but the npm
// packages; its superuser owns the tables (DATABASE_OWNER_URL) and the web servers get a login role of
// their own (DATABASE_URL), made with the same code `npm start` uses for the embedded database.
// Prints one JSON line with both URLs, then runs until its standard input closes or SIGTERM/SIGINT.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { ensureLoginRole } from "../../lib/db/app-role";
import { embeddedUrl, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { freePort } from "../../lib/test-support/free-port";

const APP_ROLE = "tokendesk_app";
const DATABASE = "tokendesk";

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error("usage: shared-postgres-process.ts DATA_DIR");
  const port = await freePort();
  const server = await startEmbeddedPostgres({ dataDir, port, database: DATABASE });
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= server.stop().then(() => process.exit(0)));
  // The test runner may die without a word: its end of our stdin closing is the signal to stop too.
  process.stdin.on("end", stop).on("close", stop).resume();
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  void server.exited.then(() => {
    if (!stopping) process.exit(1);
  });

  const appPassword = randomBytes(18).toString("base64url");
  const owner = new pg.Client({ connectionString: server.url });
  await owner.connect();
  try {
    await ensureLoginRole(owner, APP_ROLE, appPassword);
    // What README's "Database roles" has a superuser do on a real server, so the app role can connect.
    await owner.query(`GRANT CONNECT ON DATABASE ${DATABASE} TO ${APP_ROLE}`);
  } finally {
    await owner.end();
  }
  console.log(
    JSON.stringify({
      ownerUrl: server.url,
      appUrl: embeddedUrl(APP_ROLE, appPassword, port, DATABASE),
      port,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
