"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ok } from "@/lib/action-result";
import { guardAction } from "@/lib/guard/guard";
import { verifyWholeChain } from "@/lib/audit/verify-now";

/** Walks the whole chain now and records the result shown at the top of the history. */
export async function verifyAuditChainAction(): Promise<void> {
  // A form action: the page shows the recorded result; a refusal is audited by the door.
  await guardAction({ resource: "audit.verify", permission: "audit:read", input: z.unknown() }, undefined, async () => {
    const result = await verifyWholeChain("page");
    revalidatePath("/audit");
    return ok({ ok: result.ok });
  });
}
