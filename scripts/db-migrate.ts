// npm run db:migrate — applies pending prisma/migrations folders (docs/decisions/0002) as the
// tables' owner (DATABASE_OWNER_URL), then grants the web server's role (DATABASE_URL) its privileges.
import { prepareDatabase } from "../lib/db/prepare-database";
import { runMain, withDatabase } from "./cli-support";

runMain(
  () =>
    withDatabase(async (_url, database) => {
      const result = await prepareDatabase(database, (line) => console.log(line));
      console.log(
        result.applied.length === 0
          ? `Database is up to date (${result.total} migrations applied).`
          : `Applied ${result.applied.length} migration(s).`,
      );
      if (result.granted) console.log(`The web server's role "${result.appRole}" has its grants.`);
      for (const warning of result.warnings) console.log(`Warning: ${warning}`);
    }),
  ["MigrationError"],
);
