/**
 * Dates that are days, not instants. RSA sends a token's expiry as midnight
 * UTC ("2027-02-12T00:00:00.000Z"); shown in the viewer's zone that would be
 * 11 Feb anywhere west of UTC. A day is therefore read and shown in UTC,
 * with no time and no zone. Instants (updatedAt, tokenStatusChangedAt ...)
 * stay in local time (components/local-time.tsx). Pure: browser and server.
 */

const DAY_MS = 86_400_000;

/** The UTC calendar day of an ISO timestamp as "YYYY-MM-DD", or null when it is not a date. */
export function utcDay(iso: string): string | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().slice(0, 10);
}

/** The day in the viewer's words ("12 Feb 2027", "Feb 12, 2027"), always the UTC date. */
export function formatDay(iso: string, locale?: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(ms);
}

/** Whole days from today (UTC) to the day: 0 on the day itself, negative once it has passed. */
export function daysUntilDay(iso: string, nowMs: number): number | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const startOf = (t: number) => Math.floor(t / DAY_MS);
  return startOf(ms) - startOf(nowMs);
}

/** daysUntilDay from this moment (for a render that shows "Expires in 3 days"). */
export function daysFromToday(iso: string): number | null {
  return daysUntilDay(iso, Date.now());
}
