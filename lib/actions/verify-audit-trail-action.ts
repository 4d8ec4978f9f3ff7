"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ok, type ActionResult } from "@/lib/action-result";
import { guardAction } from "@/lib/guard/guard";
import { verifyWholeChain } from "@/lib/audit/verify-now";

export interface TrailVerification {
  ok: boolean;
  rowsChecked: number;
  breakSeq: string | null;
  message: string | null;
}

/**
 * The administration page's "Verify now": walks the whole chain, records the
 * run (as the audit history's button does) and answers with the result, so
 * the page can announce it.
 */
export async function verifyAuditTrailAction(): Promise<ActionResult<TrailVerification>> {
  return guardAction(
    { resource: "admin.audit.verify", permission: "admin:manage", input: z.unknown() },
    undefined,
    async () => {
      const result = await verifyWholeChain("page");
      revalidatePath("/admin");
      return ok({
        ok: result.ok,
        rowsChecked: result.rowsChecked,
        breakSeq: result.firstBreak?.seq ?? null,
        message: result.firstBreak?.message ?? null,
      });
    },
  );
}
