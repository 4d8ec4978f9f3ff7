/** The desk's waiting and failing states, the same for tokens, callers and searches. */
export function LookupPending({ text }: { text: string }) {
  return (
    <div
      aria-busy="true"
      className="min-h-64 animate-pulse rounded-lg border border-slate-200 bg-white p-6 text-slate-600"
    >
      {text}
    </div>
  );
}

export function LookupProblem({
  text,
  reference,
  onRetry,
}: {
  text: string;
  reference?: string;
  onRetry?: () => void;
}) {
  return (
    <div className="min-h-32 rounded-lg border border-red-300 bg-red-50 p-6" data-testid="lookup-problem">
      <p className="font-medium text-red-900">{text}</p>
      {reference && (
        <p className="mt-1 text-sm text-red-900">
          Reference: <span className="font-mono">{reference}</span>
        </p>
      )}
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-3 min-h-10 rounded-md border border-red-400 bg-white px-3 py-1.5 font-medium"
        >
          Try again
        </button>
      )}
    </div>
  );
}
