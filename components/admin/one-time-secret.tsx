"use client";

import { useEffect, useRef } from "react";
import { CopyButton } from "@/components/copy-button";

/**
 * A password (or a sign-in link) shown to the administrator this once: large,
 * monospaced, selectable, with a copy button. It lives only in this
 * component's props — never in a URL, a log line or the audit trail. It takes
 * the focus when it appears, so a screen reader reads it out.
 */
export function OneTimeSecret({ label, value, testId }: { label: string; value: string; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      aria-label={`${label}: ${value}`}
      className="mt-3 flex flex-wrap items-center gap-2 rounded-md border-2 border-slate-900 bg-slate-50 px-4 py-3 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
    >
      <output data-testid={testId} className="select-all break-all font-mono text-2xl font-semibold tracking-wide">
        {value}
      </output>
      <CopyButton value={value} label={`Copy the ${label.toLowerCase()}`} />
    </div>
  );
}
