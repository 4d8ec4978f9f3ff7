import { env, resetEnvCache } from "../lib/env";
import { resolveDatabase, type ResolvedDatabase } from "../lib/db/connection";
import { disconnectDb } from "../lib/db";
import { describeStartFailure } from "./start-errors";

/** Shared plumbing for command-line scripts: database, clean exit, plain errors. */

/**
 * Runs `fn` with the database commands use: DATABASE_URL (the web server's
 * role, which may do all a command does), or for the embedded database its
 * owner — the web server's role is made by `npm start` and may not exist yet.
 */
export async function withDatabase<T>(fn: (url: string, database: ResolvedDatabase) => Promise<T>): Promise<T> {
  env(); // fail early on bad configuration
  const database = await resolveDatabase();
  const url = database.embedded ? database.ownerUrl : database.appUrl;
  process.env.DATABASE_URL = url;
  delete process.env.DATABASE_OWNER_URL;
  resetEnvCache();
  try {
    return await fn(url, database);
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

export function runMain(main: () => Promise<number | void>, knownErrors: string[] = []): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: Error) => {
      if (knownErrors.includes(error.name)) {
        console.error(`error: ${error.message}`);
        process.exit(2);
      }
      // Configuration, database and port problems: one sentence, as `npm start` says them.
      const { message, code } = describeStartFailure(error, process.env.LOG_LEVEL);
      console.error(`error: ${message}`);
      process.exit(code);
    },
  );
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}
