import { NextResponse } from "next/server";
import { requireApiPermission } from "@/lib/auth/require-permission";
import { parseHistoryFilters, filtersToQuery } from "@/lib/audit/history-filters";
import { historyBatches } from "@/lib/audit/history-query";
import { csvHeader, csvRows, CSV_BOM, jsonLines } from "@/lib/audit/export-format";
import { appendAuditEvent } from "@/lib/audit/append";
import { requestContext } from "@/lib/request-context";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

/**
 * GET /api/audit/export?format=csv|jsonl&<the history filters>: exactly the
 * filtered set, streamed batch by batch (constant memory at any size). The
 * export itself is recorded in the audit before the first byte is sent.
 */
export async function GET(request: Request) {
  const ctx = await requestContext();
  const auth = await requireApiPermission("audit:read");
  if (auth.response) {
    if (auth.response.status === 403) {
      await appendAuditEvent({
        type: "ACCESS_DENIED",
        action: "AUDIT_EXPORT",
        requestId: ctx.requestId,
        clientIp: ctx.clientIp,
        userAgent: ctx.userAgent,
      }).catch(() => {});
    }
    return auth.response;
  }
  const url = new URL(request.url);
  const format = url.searchParams.get("format") === "jsonl" ? "jsonl" : "csv";
  const filters = { ...parseHistoryFilters(Object.fromEntries(url.searchParams)), cursor: undefined };
  const now = new Date();

  await appendAuditEvent({
    type: "EXPORT",
    actorId: auth.user.id,
    actorEmail: auth.user.email,
    actorName: auth.user.displayName,
    actorRole: auth.user.role,
    action: `EXPORT_${format.toUpperCase()}`,
    outcome: "SUCCESS",
    requestId: ctx.requestId,
    clientIp: ctx.clientIp,
    userAgent: ctx.userAgent,
    details: { filters: filtersToQuery(filters), asOf: now.toISOString() },
  });

  const encoder = new TextEncoder();
  const batches = historyBatches(filters, 5000, now);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (format === "csv") controller.enqueue(encoder.encode(CSV_BOM + csvHeader()));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(format === "csv" ? csvRows(next.value) : jsonLines(next.value)));
      } catch (error) {
        logger().error({ err: error, requestId: ctx.requestId }, "audit export failed mid-stream");
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const stamp = now.toISOString().replace(/[:.]/g, "-");
  return new NextResponse(stream, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="tokendesk-audit-${stamp}.${format === "csv" ? "csv" : "jsonl"}"`,
      "Cache-Control": "no-store",
    },
  });
}
