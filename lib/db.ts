import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * One Prisma client per process, kept on globalThis so hot reloads in
 * development do not open a new pool each time.
 */
const globalForPrisma = globalThis as unknown as { tokendeskPrisma?: PrismaClient };

export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start tokendesk with `npm start` (it runs an embedded PostgreSQL and sets it) or set DATABASE_URL.",
    );
  }
  return url;
}

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl() }) });
}

export function db(): PrismaClient {
  globalForPrisma.tokendeskPrisma ??= createClient();
  return globalForPrisma.tokendeskPrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.tokendeskPrisma?.$disconnect();
  globalForPrisma.tokendeskPrisma = undefined;
}
