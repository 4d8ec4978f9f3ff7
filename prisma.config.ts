import { defineConfig } from "prisma/config";

// Only the CLI reads this file. At run time lib/db.ts builds the connection
// from lib/env.ts (and the embedded PostgreSQL when DATABASE_URL is unset).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:54329/tokendesk" },
});
