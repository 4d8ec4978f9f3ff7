// npm run audit:checkpoint [-- --out FILE] — appends a signed line naming the chain head.
import { appendFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { auditHmacKey } from "../lib/audit/hmac-key";
import { makeCheckpoint } from "../lib/audit/checkpoint";
import { loadLocalAuditKey } from "./local-audit-key";
import { runMain, withDatabase } from "./cli-support";

runMain(async () => {
  const { values } = parseArgs({ options: { out: { type: "string" } }, strict: true });
  await loadLocalAuditKey();
  return withDatabase(async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const head = (
      await client.query<{ seq: string; hash: string }>(
        "SELECT seq::text, hash FROM audit_events ORDER BY seq DESC LIMIT 1",
      )
    ).rows[0];
    await client.end();
    if (!head) {
      console.error("The audit trail is empty: nothing to checkpoint yet.");
      return 1;
    }
    const line = JSON.stringify(makeCheckpoint(auditHmacKey(), head));
    if (values.out) {
      await appendFile(values.out, `${line}\n`);
      console.error(`Checkpoint of row ${head.seq} appended to ${values.out}. Ship that file off this machine.`);
    } else {
      console.log(line);
    }
    return 0;
  });
}, ["AuditKeyError"]);
