import { NextResponse } from "next/server";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { parseSerialQuery } from "@/lib/tokens/serial";
import { serialHistory } from "@/lib/audit/serial-history";

export const dynamic = "force-dynamic";

/** GET /api/tokens/<serial>/history: the latest audit events of this serial, for the desk's timeline. */
export async function GET(_request: Request, context: { params: Promise<{ serial: string }> }) {
  const auth = await requireApiPermission("token:read");
  if (auth.response) return auth.response;
  const parsed = parseSerialQuery(decodeURIComponent((await context.params).serial));
  if (!parsed.ok)
    return NextResponse.json({ ok: false, code: "INVALID_SERIAL", message: parsed.message }, { status: 400 });
  return NextResponse.json(
    { ok: true, data: await serialHistory(parsed.serial) },
    { headers: { "Cache-Control": "no-store" } },
  );
}
