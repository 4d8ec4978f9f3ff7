import "server-only";
import { appendAuditEvent } from "@/lib/audit/append";
import { readChainHead } from "@/lib/audit/chain-head";
import { makeCheckpoint } from "@/lib/audit/checkpoint";
import { auditEvents, type AuditActor, type AuditRequest } from "@/lib/audit/events";
import { auditHmacKey } from "@/lib/audit/hmac-key";
import { pgPool } from "@/lib/db/pg-pool";

/**
 * A signed checkpoint line of the chain head, as `npm run audit:checkpoint`
 * writes it, for the administrator to keep off the box; the trail records
 * that it was taken and by whom. Null when the trail is still empty.
 */
export async function takeCheckpoint(
  actor: AuditActor,
  request: AuditRequest,
): Promise<{ line: string; seq: string } | null> {
  const client = await pgPool().connect();
  let head: Awaited<ReturnType<typeof readChainHead>>;
  try {
    head = await readChainHead(client);
  } finally {
    client.release();
  }
  if (!head) return null;
  const line = JSON.stringify(makeCheckpoint(auditHmacKey(), head));
  await appendAuditEvent(auditEvents.checkpoint({ actor, request, ...head }));
  return { line, seq: head.seq };
}
