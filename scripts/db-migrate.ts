// npm run db:migrate — applies pending prisma/migrations folders (docs/decisions/0002).
import { migrate } from "../lib/db/migrations";
import { runMain, withDatabase } from "./cli-support";

runMain(
  () =>
    withDatabase(async (url) => {
      const result = await migrate(url, { log: (line) => console.log(line) });
      console.log(
        result.applied.length === 0
          ? `Database is up to date (${result.alreadyApplied} migrations applied).`
          : `Applied ${result.applied.length} migration(s).`,
      );
    }),
  ["MigrationError"],
);
