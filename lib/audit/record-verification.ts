import "server-only";
import { db } from "@/lib/db";
import type { VerifyResult } from "@/lib/audit/verify-chain";

export async function recordVerification(result: VerifyResult, trigger: "command" | "page" | "timer"): Promise<void> {
  await db().auditVerification.create({
    data: {
      ok: result.ok,
      rowsChecked: result.rowsChecked,
      headSeq: result.head ? BigInt(result.head.seq) : null,
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
