"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { verifyAuditChainAction, type ChainCheck } from "@/lib/actions/verify-audit-chain-action";

function resultSentence(result: ActionResult<ChainCheck> | null): string {
  if (!result) return "";
  if (!result.ok) return `${result.message}${result.referenceId ? ` Reference: ${result.referenceId}.` : ""}`;
  const rows = result.data.rowsChecked.toLocaleString();
  return result.data.ok
    ? `Verified just now: all ${rows} rows are intact.`
    : `Verified just now: the chain is broken at row ${result.data.breakSeq}${result.data.message ? ` (${result.data.message})` : ""}.`;
}

/** Walks the whole chain on demand and says how it went; the status beside it re-renders from the recorded run. */
export function VerifyNowButton() {
  const [result, verify, pending] = useActionState<ActionResult<ChainCheck> | null, FormData>(
    () => verifyAuditChainAction(),
    null,
  );
  const sentence = pending ? "Verifying the whole chain…" : resultSentence(result);
  return (
    <form action={verify} className="flex flex-wrap items-center gap-2">
      <span
        role="status"
        className={result && (!result.ok || !result.data.ok) ? "font-semibold text-red-800" : "text-slate-700"}
      >
        {sentence}
      </span>
      <button
        type="submit"
        disabled={pending}
        className="min-h-8 rounded-md border border-slate-500 bg-white px-3 font-medium hover:bg-slate-100 disabled:opacity-60"
      >
        {pending ? "Verifying…" : "Verify now"}
      </button>
    </form>
  );
}
