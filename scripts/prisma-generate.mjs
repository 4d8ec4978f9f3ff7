// Runs `prisma generate` without Prisma's native schema engine, which cannot be
// downloaded on machines that only reach the npm registry. Generation only uses
// WebAssembly, so any existing file satisfies the engine-path check.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = ["/usr/bin/true", "/bin/true"].find(existsSync) ?? process.execPath;
}
if (!existsSync("prisma/schema.prisma")) process.exit(0);
execFileSync("npx", ["prisma", "generate"], { stdio: "inherit", env });
