import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";

/** Who is asking from where, for the audit trail; one request id to find the matching log lines. */
export interface RequestContext {
  requestId: string;
  clientIp: string | null;
  userAgent: string | null;
}

export async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    requestId: h.get("x-request-id")?.slice(0, 64) ?? randomUUID(),
    clientIp: forwarded || h.get("x-real-ip") || null,
    userAgent: h.get("user-agent")?.slice(0, 512) ?? null,
  };
}
