"use client";

import { forwardRef } from "react";

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  onSubmit: (value: string) => void;
  error: string | null;
}

export const SearchBox = forwardRef<HTMLInputElement, SearchBoxProps>(function SearchBox(
  { value, onChange, onSubmit, error },
  ref,
) {
  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(value);
      }}
      className="flex flex-wrap items-start gap-3"
    >
      <div className="min-w-72 flex-1">
        <label htmlFor="serial-search" className="block text-sm font-semibold text-slate-800">
          Serial number
        </label>
        <input
          ref={ref}
          id="serial-search"
          name="serial"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          inputMode="numeric"
          aria-describedby="serial-hint serial-error"
          aria-invalid={error ? true : undefined}
          placeholder="e.g. 0000 0020 0002"
          className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2.5 font-mono text-2xl tracking-wider"
        />
        <p id="serial-hint" className="mt-1 text-sm text-slate-600">
          12 digits for a SID700 token, 9 for a DS100 authenticator. Spaces, dashes and surrounding text are fine. Press{" "}
          <kbd className="rounded border border-slate-300 bg-slate-100 px-1">/</kbd> to come back here.
        </p>
        <p id="serial-error" className="mt-1 min-h-5 text-sm font-medium text-red-700">
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
