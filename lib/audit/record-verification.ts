import "server-only";
import { db } from "@/lib/db";
import type { VerifyResult } from "@/lib/audit/verify-chain";

export async function recordVerification(
  result: VerifyResult,
  trigger: "command" | "page" | "timer",
  fromSeq: bigint | null = null,
): Promise<void> {
  await db().auditVerification.create({
    data: {
      ok: result.ok,
      rowsChecked: result.rowsChecked,
      fromSeq,
      headSeq: result.head ? BigInt(result.head.seq) : null,
      headHash: result.head?.hash ?? null,
      breakSeq: result.firstBreak ? BigInt(result.firstBreak.seq) : null,
      problem: result.firstBreak?.problem ?? null,
      message: result.firstBreak?.message ?? null,
      trigger,
    },
  });
}

export async function lastVerification() {
  return db().auditVerification.findFirst({ orderBy: { verifiedAt: "desc" } });
}

/** The latest run that found the chain intact, with the head it reached. */
export async function lastGoodVerification() {
  return db().auditVerification.findFirst({
    where: { ok: true, headHash: { not: null } },
    orderBy: { verifiedAt: "desc" },
  });
}
