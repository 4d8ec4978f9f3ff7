import "server-only";
import { randomUUID } from "node:crypto";
import type { BlockList } from "node:net";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { clientAddress, parseTrustedProxies, type HeaderReader } from "@/lib/http/client-address";

/** Who is asking from where, for the audit trail; one request id to find the matching log lines. */
export interface RequestContext {
  requestId: string;
  clientIp: string | null;
  userAgent: string | null;
}

let trusted: { source: string | undefined; list: BlockList } | undefined;
function trustedProxies(): BlockList {
  const source = env().TRUSTED_PROXIES;
  if (!trusted || trusted.source !== source) trusted = { source, list: parseTrustedProxies(source).list };
  return trusted.list;
}

/** The request facts from any header source (Next's headers(), or next-auth's plain header object). */
export function requestContextFrom(header: HeaderReader): RequestContext {
  const requestId = header("x-request-id");
  return {
    requestId: requestId && /^[\w.:-]{1,64}$/.test(requestId) ? requestId : randomUUID(),
    clientIp: clientAddress(header, trustedProxies()),
    userAgent: header("user-agent")?.slice(0, 512) ?? null,
  };
}

export async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  return requestContextFrom((name) => h.get(name));
}
