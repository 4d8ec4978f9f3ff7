import { NextResponse } from "next/server";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { requestContext } from "@/lib/request-context";
import { parseSerialQuery } from "@/lib/tokens/serial";
import { lookupToken } from "@/lib/tokens/lookup-token";

export const dynamic = "force-dynamic";

const STATUS_BY_CODE: Record<string, number> = {
  RSA_RATE_LIMITED: 429,
  RSA_TIMEOUT: 504,
  RSA_UNAVAILABLE: 502,
  RSA_NETWORK: 502,
  RSA_CREDENTIAL_REJECTED: 502,
  RSA_INVALID_ANSWER: 502,
  RSA_BAD_REQUEST: 400,
  RSA_NOT_CONFIGURED: 503,
  AUDIT_UNAVAILABLE: 503,
};

/** GET /api/tokens/<serial>: the token as RSA has it now. Reads are not server actions (they would queue). */
export async function GET(_request: Request, context: { params: Promise<{ serial: string }> }) {
  const auth = await requireApiPermission("token:read");
  if (auth.response) return auth.response;
  const parsed = parseSerialQuery(decodeURIComponent((await context.params).serial));
  if (!parsed.ok)
    return NextResponse.json({ ok: false, code: "INVALID_SERIAL", message: parsed.message }, { status: 400 });
  const result = await lookupToken(auth.user, parsed, await requestContext());
  const status = result.ok ? 200 : (STATUS_BY_CODE[result.code] ?? 502);
  return NextResponse.json(result, { status, headers: { "Cache-Control": "no-store" } });
}
