import { NextResponse } from "next/server";
import { guardRoute } from "@/lib/guard/route";
import { parseHistoryFilters, filtersToQuery } from "@/lib/audit/history-filters";
import { historyBatches } from "@/lib/audit/history-query";
import { csvHeader, csvRows, CSV_BOM, jsonLines } from "@/lib/audit/export-format";
import { appendAuditEvent } from "@/lib/audit/append";
import { userActor } from "@/lib/audit/actors";
import { auditEvents } from "@/lib/audit/events";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

/**
 * GET /api/audit/export?format=csv|jsonl&<the history filters>: exactly the
 * filtered set, streamed batch by batch (constant memory at any size). The
 * export itself is recorded in the audit before the first byte is sent.
 */
export const GET = guardRoute(
  { resource: "audit.export", permission: "audit:read" },
  async ({ user, request, query }) => {
    const format = query.format === "jsonl" ? "jsonl" : "csv";
    const filters = { ...parseHistoryFilters(query), cursor: undefined };
    const now = new Date();

    await appendAuditEvent(
      auditEvents.auditExport({ actor: userActor(user), request, format, filters: filtersToQuery(filters), asOf: now }),
    );

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
          logger().error({ err: error, requestId: request.requestId }, "audit export failed mid-stream");
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
  },
);
