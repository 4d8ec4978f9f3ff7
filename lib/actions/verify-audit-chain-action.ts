"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ok, type ActionResult } from "@/lib/action-result";
import { guardAction } from "@/lib/guard/guard";
import { verifyWholeChain } from "@/lib/audit/verify-now";

export interface ChainCheck {
  ok: boolean;
  rowsChecked: number;
  breakSeq: string | null;
  message: string | null;
}

/**
 * The audit history's "Verify now": walks the whole chain, records the run
 * (the status at the top of the page re-renders from it) and answers with the
 * result, so the button can announce it. A refusal is audited by the door and
 * answered with its code.
 */
export async function verifyAuditChainAction(): Promise<ActionResult<ChainCheck>> {
  return guardAction(
    { resource: "audit.verify", permission: "audit:read", input: z.unknown() },
    undefined,
    async () => {
      const result = await verifyWholeChain("page");
      revalidatePath("/audit");
      return ok({
        ok: result.ok,
        rowsChecked: result.rowsChecked,
        breakSeq: result.firstBreak?.seq ?? null,
        message: result.firstBreak?.message ?? null,
      });
    },
  );
}
