import { stringify } from "csv-stringify/sync";
import type { HistoryRow } from "@/lib/audit/history-query";

/**
 * Export formats. CSV opens cleanly in Excel (UTF-8 BOM, CRLF) and is safe
 * from formula injection: a cell starting with = + - @ (or a tab/CR) gets a
 * leading apostrophe, so a spreadsheet shows it as text instead of running it.
 */

export const EXPORT_COLUMNS: { header: string; value: (r: HistoryRow) => unknown }[] = [
  { header: "time_utc", value: (r) => r.occurredAt.toISOString() },
  { header: "event", value: (r) => r.type },
  { header: "agent_email", value: (r) => r.actorEmail },
  { header: "agent_name", value: (r) => r.actorName },
  { header: "agent_role", value: (r) => r.actorRole },
  { header: "action", value: (r) => r.action },
  { header: "serial", value: (r) => r.serial },
  { header: "token_type", value: (r) => r.tokenType },
  { header: "rsa_user_id", value: (r) => r.rsaUserId },
  { header: "ticket", value: (r) => r.ticket },
  { header: "reason", value: (r) => r.reason },
  { header: "note", value: (r) => r.note },
  { header: "outcome", value: (r) => r.outcome ?? (r.type === "CHANGE_INTENT" ? "IN_PROGRESS" : null) },
  { header: "rsa_status", value: (r) => r.rsaStatus },
  { header: "error_code", value: (r) => r.errorCode },
  { header: "duration_ms", value: (r) => r.durationMs },
  { header: "state_before", value: (r) => (r.stateBefore ? JSON.stringify(r.stateBefore) : null) },
  { header: "state_after", value: (r) => (r.stateAfter ? JSON.stringify(r.stateAfter) : null) },
  { header: "request_id", value: (r) => r.requestId },
  { header: "client_ip", value: (r) => r.clientIp },
  { header: "seq", value: (r) => r.seq },
  { header: "hash", value: (r) => r.hash },
];

export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export const CSV_BOM = "\uFEFF";

export function csvHeader(): string {
  return stringify([EXPORT_COLUMNS.map((c) => c.header)], { record_delimiter: "windows" });
}

export function csvRows(rows: HistoryRow[]): string {
  return stringify(
    rows.map((r) => EXPORT_COLUMNS.map((c) => neutraliseCell(c.value(r)))),
    { record_delimiter: "windows", quoted_match: /[",\r\n]/ },
  );
}

export function jsonLines(rows: HistoryRow[]): string {
  return rows
    .map((r) => JSON.stringify(Object.fromEntries(EXPORT_COLUMNS.map((c) => [c.header, c.value(r) ?? null]))))
    .join("\n")
    .concat(rows.length ? "\n" : "");
}
