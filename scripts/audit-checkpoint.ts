// npm run audit:checkpoint [-- --out FILE] — appends a signed line naming the chain head.
import { appendFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { appendAuditEvent } from "../lib/audit/append";
import { readChainHead } from "../lib/audit/chain-head";
import { auditEvents, NO_REQUEST, SYSTEM_ACTORS } from "../lib/audit/events";
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
    const head = await readChainHead(client).finally(() => client.end());
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
    // The trail records that a checkpoint was taken (the checkpoint itself lives off the box).
    await appendAuditEvent(auditEvents.checkpoint({ actor: SYSTEM_ACTORS.commandLine, request: NO_REQUEST, ...head }));
    return 0;
  });
}, ["AuditKeyError"]);
