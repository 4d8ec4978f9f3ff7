"use client";

import { useEffect, useState } from "react";

/** "just now", "2 minutes ago": kept fresh, with the exact time on hover. */
export function RelativeTime({ iso }: { iso: string }) {
  const [now, setNow] = useState(() => Date.parse(iso));
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 30_000);
    return () => clearInterval(timer);
  }, [iso]);
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  const text =
    seconds < 45
      ? "just now"
      : new Intl.RelativeTimeFormat(undefined, { numeric: "auto" }).format(-Math.round(seconds / 60), "minute");
  return (
    <time dateTime={iso} title={new Date(iso).toUTCString()}>
      {text}
    </time>
  );
}
