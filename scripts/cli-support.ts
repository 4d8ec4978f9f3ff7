import { env, resetEnvCache } from "../lib/env";
import { resolveDatabase } from "../lib/db/connection";
import { disconnectDb } from "../lib/db";

/** Shared plumbing for command-line scripts: database, clean exit, plain errors. */

export async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  env(); // fail early on bad configuration
  const database = await resolveDatabase();
  process.env.DATABASE_URL = database.url;
  resetEnvCache();
  try {
    return await fn(database.url);
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

export function runMain(main: () => Promise<number | void>, knownErrors: string[] = []): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: Error) => {
      if (knownErrors.includes(error.name) || error.name === "EnvError") {
        console.error(`error: ${error.message}`);
        process.exit(2);
      }
      console.error(error);
      process.exit(1);
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
