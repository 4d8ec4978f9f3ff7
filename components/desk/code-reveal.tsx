"use client";

import { useEffect, useRef } from "react";
import { CopyButton } from "@/components/copy-button";
import { LocalTime } from "@/components/local-time";

/** "1234 5678": grouped in fours, to read aloud. */
const grouped = (code: string) => code.replace(/(\d{4})(?=\d)/g, "$1 ");

/**
 * The emergency access code, shown once, large, to read out to the caller.
 * It lives only in this component's props: never in the address, browser
 * storage, a log or the audit. "Done" forgets it.
 */
export function CodeReveal({ code, expiresAt, onDone }: { code: string; expiresAt?: string; onDone: () => void }) {
  const doneRef = useRef<HTMLButtonElement>(null);
  useEffect(() => doneRef.current?.focus(), []);
  return (
    <section
      aria-labelledby="code-title"
      className="rounded-lg border-4 border-blue-800 bg-blue-50 p-5"
      data-testid="code-reveal"
    >
      <h2 id="code-title" className="text-lg font-bold">
        Emergency access code — read it to the caller now; it is shown only once
      </h2>
      <p className="mt-2 font-mono text-5xl font-bold tracking-widest" data-testid="emergency-code">
        {grouped(code)}
      </p>
      {expiresAt && (
        <p className="mt-2">
          It works until <LocalTime iso={expiresAt} />.
        </p>
      )}
      <div className="mt-3 flex items-center gap-3">
        <CopyButton value={code} label="Copy the emergency access code" />
        <button
          ref={doneRef}
          type="button"
          onClick={onDone}
          className="rounded-md bg-blue-800 px-4 py-2 font-semibold text-white"
        >
          Done — hide the code
        </button>
      </div>
    </section>
  );
}
