"use client";

import { forwardRef, type KeyboardEvent } from "react";

interface SearchBoxProps {
  /** What the box shows when the desk's address changes (set on the element by the desk, not by React). */
  initialValue: string;
  onChange: (value: string) => void;
  onSubmit: (value: string) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  error: string | null;
}

/**
 * One box for what the caller gives: a serial read aloud, an e-mail, or a
 * name. Uncontrolled on purpose: what an agent types before the page's script
 * has started is kept, and if they press Enter even before that, the plain
 * form still searches (GET /?q=…, which the desk picks up).
 */
export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox(
  { initialValue, onChange, onSubmit, onKeyDown, error },
  ref,
) {
  return (
    <form
      role="search"
      aria-label="Find a token or a caller"
      method="get"
      action="/"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(new FormData(event.currentTarget).get("q")?.toString() ?? "");
      }}
      className="flex flex-wrap items-start gap-3"
    >
      <div className="min-w-72 flex-1">
        <label htmlFor="desk-search" className="block text-sm font-semibold text-slate-800">
          Serial number, e-mail or name
        </label>
        <input
          ref={ref}
          id="desk-search"
          name="q"
          defaultValue={initialValue}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          aria-describedby="desk-search-hint desk-search-error"
          aria-invalid={error ? true : undefined}
          placeholder="e.g. 0000 0020 0002 or jane.doe@example.com"
          className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 font-mono text-2xl tracking-wider"
        />
        <p id="desk-search-hint" className="mt-1 text-sm text-slate-600">
          A serial (12 digits for a SID700, 9 for a DS100), an e-mail or a name. Press{" "}
          <kbd className="rounded border border-slate-300 bg-slate-100 px-1">/</kbd> to come back here.
        </p>
        <p id="desk-search-error" role="alert" className="mt-1 min-h-5 text-sm font-medium text-red-700">
          {error}
        </p>
      </div>
      <button
        type="submit"
        className="mt-6 rounded-md bg-blue-700 px-5 py-3 text-lg font-semibold text-white hover:bg-blue-800"
      >
        Search
      </button>
    </form>
  );
});
