"use client";

import { useSyncExternalStore } from "react";
import { formatDay, utcDay } from "@/lib/format/calendar-day";

const subscribe = () => () => {};

/**
 * A time in the viewer's own zone, with UTC on hover. The server renders UTC
 * (it does not know the zone); the browser swaps in local time after hydration.
 */
export function LocalTime({
  iso,
  withRelative = false,
  withSeconds = false,
  stacked = false,
}: {
  iso: string;
  withRelative?: boolean;
  /** For records compared to the second (the audit's details); screens read by agents keep minutes. */
  withSeconds?: boolean;
  /** The date above the time, for narrow table columns (the audit history). */
  stacked?: boolean;
}) {
  const date = new Date(iso);
  const utc = `${date.toISOString().replace("T", " ").slice(0, 19)} UTC`;
  const timeStyle = withSeconds ? "medium" : "short";
  // One string per snapshot (useSyncExternalStore compares snapshots); a stacked one splits at the newline.
  const local = useSyncExternalStore(
    subscribe,
    () =>
      stacked
        ? `${date.toLocaleDateString(undefined, { dateStyle: "medium" })}\n${date.toLocaleTimeString(undefined, { timeStyle })}`
        : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle }),
    () => (stacked ? utc.replace(" ", "\n") : utc),
  );
  return (
    <time dateTime={iso} title={utc}>
      {stacked
        ? local.split("\n").map((part) => (
            <span key={part} className="block whitespace-nowrap">
              {part}
            </span>
          ))
        : local}
      {withRelative && <span className="ml-1 text-slate-600">({relative(date)})</span>}
    </time>
  );
}

/**
 * A day (a token's expiry), not an instant: the UTC calendar date in the
 * viewer's words, never shifted into the previous day west of UTC. The server
 * renders the ISO date; the browser swaps in its own format after hydration.
 */
export function CalendarDay({ iso }: { iso: string }) {
  const day = utcDay(iso) ?? iso;
  const text = useSyncExternalStore(
    subscribe,
    () => formatDay(iso),
    () => day,
  );
  return (
    <time dateTime={day} title={`${day} (UTC)`}>
      {text}
    </time>
  );
}

function relative(date: Date): string {
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["year", 31536000],
    ["month", 2592000],
    ["day", 86400],
    ["hour", 3600],
    ["minute", 60],
  ];
  for (const [unit, size] of units)
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(seconds, "second");
}
