import { signInAgainHref, type AnswerProblem } from "@/components/desk/steady-answer";

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

export function LookupProblem({ problem, onRetry }: { problem: AnswerProblem; onRetry?: () => void }) {
  return (
    <div className="min-h-32 rounded-lg border border-red-300 bg-red-50 p-6" data-testid="lookup-problem">
      <p className="font-medium text-red-900">{problem.message}</p>
      {problem.referenceId && (
        <p className="mt-1 text-sm text-red-900">
          Reference: <span className="font-mono">{problem.referenceId}</span>
        </p>
      )}
      <ProblemAction problem={problem} onRetry={onRetry} className="mt-3" />
    </div>
  );
}

/**
 * A refresh that failed while an answer is on screen: the answer stays (a
 * dialog may be open over it), and this says it may be out of date.
 */
export function RefreshProblem({ problem, onRetry }: { problem: AnswerProblem; onRetry?: () => void }) {
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-3 rounded-md border border-amber-400 bg-amber-50 px-4 py-2 text-amber-950"
      data-testid="refresh-problem"
    >
      <p>
        {problem.sessionEnded ? problem.message : `${problem.message} What is shown may be out of date.`}
        {problem.referenceId && (
          <span className="ml-2 text-sm">
            Reference: <span className="font-mono">{problem.referenceId}</span>
          </span>
        )}
      </p>
      <ProblemAction problem={problem} onRetry={onRetry} />
    </div>
  );
}

function ProblemAction({
  problem,
  onRetry,
  className = "",
}: {
  problem: AnswerProblem;
  onRetry?: () => void;
  className?: string;
}) {
  const look = `${className} inline-block min-h-10 rounded-md border border-red-400 bg-white px-3 py-1.5 font-medium`;
  if (problem.sessionEnded)
    return (
      // A full page load on purpose: after signing in, the desk starts afresh at this address.
      <a href={signInAgainHref()} className={look}>
        Sign in again
      </a>
    );
  if (!onRetry) return null;
  return (
    <button type="button" onClick={onRetry} className={look}>
      Try again
    </button>
  );
}
