"use client";

/** The administration page could not be shown: say so, with the reference, and offer to try again. */
export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="grid max-w-2xl gap-3">
      <h1 className="text-2xl font-semibold">Administration</h1>
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-red-900">
        {error.digest
          ? `The administration page could not be loaded. Try again; if it keeps happening, look in tokendesk's log for the reference ${error.digest}.`
          : "The administration page could not be loaded. Try again; if it keeps happening, look in tokendesk's log."}
      </p>
      <div>
        <button
          type="button"
          onClick={reset}
          className="rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
        >
          Try again
        </button>
      </div>
    </div>
  );
}
