"use server";

import { revalidatePath } from "next/cache";
import { requirePermission } from "@/lib/auth/require-permission";
import { auditHmacKey } from "@/lib/audit/hmac-key";
import { verifyChain } from "@/lib/audit/verify-chain";
import { recordVerification } from "@/lib/audit/record-verification";
import { databaseUrl } from "@/lib/db";

/** Walks the whole chain now and records the result shown at the top of the history. */
export async function verifyAuditChainAction(): Promise<void> {
  const auth = await requirePermission("audit:read");
  if (!auth.ok) return;
  const result = await verifyChain(databaseUrl(), auditHmacKey());
  await recordVerification(result, "page");
  revalidatePath("/audit");
}
