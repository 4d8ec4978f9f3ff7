// npm run audit:verify [-- --checkpoints FILE] — walks the audit chain; exit 0 intact, 1 broken.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { auditHmacKey } from "../lib/audit/hmac-key";
import { parseCheckpoints } from "../lib/audit/checkpoint";
import { verifyChain } from "../lib/audit/verify-chain";
import { recordVerification } from "../lib/audit/record-verification";
import { loadLocalAuditKey } from "./local-audit-key";
import { runMain, withDatabase } from "./cli-support";

runMain(async () => {
  const { values } = parseArgs({ options: { checkpoints: { type: "string" } }, strict: true });
  await loadLocalAuditKey();
  return withDatabase(async (url) => {
    const key = auditHmacKey();
    const checkpoints = values.checkpoints ? parseCheckpoints(key, await readFile(values.checkpoints, "utf8")) : [];
    const started = Date.now();
    const result = await verifyChain(url, key, { checkpoints });
    await recordVerification(result, "command");
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.ok) {
      console.log(
        `Audit chain intact: ${result.rowsChecked} rows checked in ${seconds} s${checkpoints.length ? `, ${checkpoints.length} checkpoint(s) matched` : ""}.`,
      );
      if (result.head) console.log(`Head: row ${result.head.seq}, hash ${result.head.hash}`);
      return 0;
    }
    console.error(
      `AUDIT CHAIN BROKEN at row ${result.firstBreak!.seq} (${result.firstBreak!.problem}): ${result.firstBreak!.message}`,
    );
    return 1;
  });
}, ["CheckpointError", "AuditKeyError"]);
