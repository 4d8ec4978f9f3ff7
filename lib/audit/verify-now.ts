import "server-only";
import { databaseUrl } from "@/lib/db";
import { auditHmacKey } from "@/lib/audit/hmac-key";
import { verifyChain, type VerifyResult } from "@/lib/audit/verify-chain";
import { lastGoodVerification, recordVerification } from "@/lib/audit/record-verification";

// Fixed id of the scheduled verification's lock: one instance verifies at a time.
const VERIFY_LOCK = 72_707_369_003n;

/** The whole chain from the first row (the supervisor's "Verify now"). */
export async function verifyWholeChain(trigger: "page" | "command"): Promise<VerifyResult> {
  const result = await verifyChain(databaseUrl(), auditHmacKey());
  await recordVerification(result, trigger);
  return result;
}

/**
 * The rows added since the last good verification (the timer). Only one
 * instance walks at a time; the others skip and return null.
 */
export async function verifyNewRows(): Promise<VerifyResult | null> {
  const last = await lastGoodVerification();
  const after = last?.headSeq && last.headHash ? { seq: last.headSeq, hash: last.headHash } : null;
  const result = await verifyChain(databaseUrl(), auditHmacKey(), {
    after,
    lock: async (client) =>
      (
        await client.query<{ locked: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS locked", [
          VERIFY_LOCK.toString(),
        ])
      ).rows[0]!.locked,
  });
  if (result.skipped) return null;
  await recordVerification(result, "timer", after?.seq ?? null);
  return result;
}
