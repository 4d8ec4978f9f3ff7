"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { verifyAuditTrailAction } from "@/lib/actions/verify-audit-trail-action";
import type { ActionResult } from "@/lib/action-result";
import { ui } from "@/components/admin/ui";

const UNREACHABLE = "tokendesk could not be reached. Try again.";

/** Downloads one signed checkpoint line through the guarded route, as a file the browser saves. */
async function downloadCheckpoint(): Promise<string> {
  const response = await fetch("/api/admin/audit-checkpoint", { cache: "no-store" });
  if (!response.ok) {
    const failure = (await response.json().catch(() => null)) as ActionResult<never> | null;
    throw new Error(failure && !failure.ok ? failure.message : UNREACHABLE);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "checkpoint.jsonl";
  const link = document.createElement("a");
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  const seq = /-(\d+)-/.exec(name)?.[1];
  return seq
    ? `Checkpoint of row ${seq} saved as ${name}. Keep it off this machine.`
    : `Checkpoint saved as ${name}. Keep it off this machine.`;
}

/** "Verify now" and "Download checkpoint", each announcing its result. */
export function AuditHealthActions() {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const verify = useMutation({
    mutationFn: () => verifyAuditTrailAction(),
    onSuccess: (result) => {
      if (!result.ok) return setMessage({ text: result.message, bad: true });
      const v = result.data;
      setMessage(
        v.ok
          ? { text: `The chain is intact: ${v.rowsChecked.toLocaleString("en-US")} rows verified.`, bad: false }
          : { text: `The chain is broken at row ${v.breakSeq}: ${v.message}`, bad: true },
      );
    },
    onError: () => setMessage({ text: UNREACHABLE, bad: true }),
  });
  const checkpoint = useMutation({
    mutationFn: downloadCheckpoint,
    onSuccess: (text) => {
      setMessage({ text, bad: false });
      router.refresh(); // "Last checkpoint" names this one now
    },
    onError: (error) => setMessage({ text: error instanceof Error ? error.message : UNREACHABLE, bad: true }),
  });
  const busy = verify.isPending || checkpoint.isPending;

  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className={ui.secondaryButton}
          aria-busy={verify.isPending}
          onClick={() => !busy && verify.mutate()}
        >
          {verify.isPending ? "Verifying…" : "Verify now"}
        </button>
        <button
          type="button"
          className={ui.secondaryButton}
          aria-busy={checkpoint.isPending}
          onClick={() => !busy && checkpoint.mutate()}
        >
          {checkpoint.isPending ? "Preparing…" : "Download checkpoint"}
        </button>
      </div>
      <p
        role="status"
        className={`min-h-5 text-sm font-medium ${message?.bad ? "text-red-800" : "text-slate-800"}`}
        data-testid="audit-health-announcement"
      >
        {verify.isPending ? "Verifying the whole chain…" : (message?.text ?? "")}
      </p>
    </div>
  );
}
