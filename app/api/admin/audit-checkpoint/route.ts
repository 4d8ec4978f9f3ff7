import { NextResponse } from "next/server";
import { fail } from "@/lib/action-result";
import { userActor } from "@/lib/audit/actors";
import { guardRoute } from "@/lib/guard/route";
import { takeCheckpoint } from "@/lib/admin/take-checkpoint";

export const dynamic = "force-dynamic";

/**
 * GET /api/admin/audit-checkpoint: one signed checkpoint line of the chain
 * head (as `npm run audit:checkpoint` writes it) to keep off the box; the
 * trail records who took it. `npm run audit:verify -- --checkpoints FILE`
 * later proves nothing was cut from the end.
 */
export const GET = guardRoute(
  { resource: "admin.audit.checkpoint", permission: "admin:manage" },
  async ({ user, request }) => {
    const checkpoint = await takeCheckpoint(userActor(user), request);
    if (!checkpoint) return fail("NOT_FOUND", "The audit trail is empty, so there is nothing to checkpoint yet.");
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    return new NextResponse(`${checkpoint.line}\n`, {
      headers: {
        "Content-Type": "application/jsonl; charset=utf-8",
        "Content-Disposition": `attachment; filename="tokendesk-checkpoint-${checkpoint.seq}-${stamp}.jsonl"`,
        "Cache-Control": "no-store",
      },
    });
  },
);
