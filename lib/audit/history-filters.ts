import { z } from "zod";
import { withoutControlCharacters } from "@/lib/validation/text";

/**
 * The audit history's filters, as they live in the URL (so a supervisor can
 * share a view). Browser-safe: the filter form and the export links use it too.
 */

export const RANGES = {
  "1h": "Last hour",
  today: "Today",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  all: "All time",
  custom: "Custom",
} as const;
export const ACTION_FILTERS = {
  "changes-refused": "Changes and refusals",
  all: "Everything",
  changes: "All changes",
  enable: "Enable",
  disable: "Disable",
  unassign: "Unassign",
  lookup: "Lookups",
  "sign-in": "Sign-ins and sign-outs",
  refused: "Refused attempts",
  export: "Exports",
  admin: "Administration (users, checkpoints)",
} as const;
export type ActionFilter = keyof typeof ACTION_FILTERS;

/**
 * What the audit page shows when the URL names no action: what supervisors
 * review (changes, and attempts that were refused), not the far more numerous
 * lookups and sign-ins, which are one click away. The export route keeps "no
 * action" as everything; the page's export links always name the action.
 */
export const DEFAULT_PAGE_ACTION: ActionFilter = "changes-refused";

/** The one-click views above the filters: each is an action filter. */
export const VIEWS: { label: string; action: ActionFilter }[] = [
  { label: "Changes and refusals", action: "changes-refused" },
  { label: "Lookups", action: "lookup" },
  { label: "Sign-ins", action: "sign-in" },
  { label: "Administration", action: "admin" },
  { label: "Everything", action: "all" },
];

export const OUTCOME_FILTERS = {
  success: "Succeeded",
  failure: "Failed",
  unknown: "Unknown (not yet confirmed)",
  refused: "Refused",
  open: "In progress / unresolved",
  found: "Found (lookups)",
  "not-found": "Not found (lookups)",
} as const;

// A filter that cannot be used (too long, not text) is dropped rather than failing the page;
// control characters (PostgreSQL refuses NUL outright) are removed first.
const optionalText = (max: number) =>
  z
    .preprocess((v) => {
      const text = typeof v === "string" ? withoutControlCharacters(v).trim() : "";
      return text !== "" ? text : undefined;
    }, z.string().max(max).optional())
    .catch(undefined);

export const historyFiltersSchema = z.object({
  range: z
    .enum(Object.keys(RANGES) as [keyof typeof RANGES])
    .catch("7d")
    .default("7d"),
  from: optionalText(40),
  to: optionalText(40),
  agent: z.preprocess((v) => (typeof v === "string" && v !== "" ? v : undefined), z.uuid().optional()).catch(undefined),
  action: z
    .enum(Object.keys(ACTION_FILTERS) as [keyof typeof ACTION_FILTERS])
    .optional()
    .catch(undefined),
  outcome: z
    .enum(Object.keys(OUTCOME_FILTERS) as [keyof typeof OUTCOME_FILTERS])
    .optional()
    .catch(undefined),
  serial: z.preprocess((v) => (typeof v === "string" ? v.replace(/[\s-]/g, "") : undefined), optionalText(36)),
  ticket: optionalText(64),
  rsaUser: optionalText(64),
  cursor: optionalText(80),
});

export type HistoryFilters = z.infer<typeof historyFiltersSchema>;

export function parseHistoryFilters(params: Record<string, string | string[] | undefined>): HistoryFilters {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return historyFiltersSchema.parse(flat);
}

/** The audit page's filters: the URL's, with the default view when the URL names no action. */
export function pageFilters(params: Record<string, string | string[] | undefined>): HistoryFilters {
  const filters = parseHistoryFilters(params);
  return filters.action ? filters : { ...filters, action: DEFAULT_PAGE_ACTION };
}

/** The URL query for these filters (without the cursor unless asked), for links and exports. */
export function filtersToQuery(filters: Partial<HistoryFilters>, options: { cursor?: string | null } = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key === "cursor" || value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  if (options.cursor) params.set("cursor", options.cursor);
  return params.toString();
}

/** Resolves the time range to concrete bounds (UTC instants). */
export function timeBounds(filters: HistoryFilters, now = new Date()): { from: Date | null; to: Date | null } {
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  switch (filters.range) {
    case "1h":
      return { from: hoursAgo(1), to: null };
    case "today": {
      const start = new Date(now);
      start.setUTCHours(0, 0, 0, 0);
      return { from: start, to: null };
    }
    case "7d":
      return { from: hoursAgo(24 * 7), to: null };
    case "30d":
      return { from: hoursAgo(24 * 30), to: null };
    case "all":
      return { from: null, to: null };
    case "custom": {
      // The form's datetime-local values carry no zone; the form says they are UTC.
      const parse = (v?: string) => {
        const text = v && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(v) ? `${v}Z` : v;
        return text && !Number.isNaN(new Date(text).getTime()) ? new Date(text) : null;
      };
      return { from: parse(filters.from), to: parse(filters.to) };
    }
  }
}
