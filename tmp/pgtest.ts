import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import pg from "pg";
const t = Date.now();
const db = await startEmbeddedPostgres({ dataDir: "/tmp/pgtest-data", port: 54400, database: "x" });
console.log("started", Date.now() - t, db.url);
const c = new pg.Client({ connectionString: db.url }); await c.connect();
console.log((await c.query("select version()")).rows[0]); await c.end();
await db.stop(); console.log("stopped", Date.now() - t);
