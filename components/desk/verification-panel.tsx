"use client";

import { useQuery } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action-result";
import { callerVerificationAction } from "@/lib/actions/caller-verification-action";
import type { VerificationView } from "@/lib/people/caller-verification";
import { VERIFICATION_SENTENCES, methodWords } from "@/lib/people/verification-words";
import { LocalTime } from "@/components/local-time";

/**
 * "Is this really Jane Doe?" — RSA pushes an approval request to the caller's
 * phone, or the agent types the code the caller reads from their
 * authenticator. The result is shown on the card, recorded in the audit, and
 * attached to the next change made for this caller (`onVerified`).
 */
export function VerificationPanel({
  person,
  startRef,
  onVerified,
  onUnavailable,
}: {
  person: { userId: string; email: string; name: string | null };
  startRef: React.RefObject<HTMLButtonElement | null>;
  onVerified: (eventId: string | null) => void;
  onUnavailable: () => void;
}) {
  const [view, setView] = useState<VerificationView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const pending = view?.phase === "pending";

  // While the caller is answering, ask tokendesk (which asks RSA) every two seconds.
  useQuery({
    queryKey: ["verification", person.userId, view?.expiresAt],
    queryFn: async () => {
      const response = await fetch(
        `/api/users/${encodeURIComponent(person.email)}/verification?userId=${encodeURIComponent(person.userId)}`,
        { headers: { Accept: "application/json" } },
      );
      apply((await response.json()) as ActionResult<VerificationView>);
      return null;
    },
    enabled: pending,
    refetchInterval: 2000,
  });

  function apply(result: ActionResult<VerificationView>) {
    if (!result.ok) {
      setProblem(result.message);
      if (result.message === VERIFICATION_SENTENCES.unavailable) onUnavailable();
      return;
    }
    setProblem(null);
    setView(result.data);
    if (result.data.phase === "verified") onVerified(result.data.eventId);
  }

  async function step(input: { step: "start" | "cancel" } | { step: "code"; code: string }) {
    setBusy(true);
    try {
      apply(await callerVerificationAction({ ...input, userId: person.userId, email: person.email }));
    } finally {
      setBusy(false);
    }
  }

  function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void step({ step: "code", code: codeRef.current?.value ?? "" });
  }

  return (
    <section
      aria-labelledby="verify-title"
      className="rounded-md border border-slate-300 p-3"
      data-testid="verification"
    >
      <h3 id="verify-title" className="font-semibold">
        Verify the caller
      </h3>
      <div role="status" aria-live="polite" className="mt-1">
        {view?.phase === "verified" && (
          <p className="font-semibold text-green-900" data-testid="verified">
            ✓ Verified {methodWords(view.method)} at <LocalTime iso={view.at} />. It is recorded with the next change
            you make for this caller.
          </p>
        )}
        {view && view.phase !== "verified" && view.phase !== "pending" && (
          <p className="font-semibold text-red-900">{VERIFICATION_SENTENCES[view.phase]}</p>
        )}
        {pending && <p>{VERIFICATION_SENTENCES.pending}</p>}
        {problem && <p className="font-semibold text-red-900">{problem}</p>}
      </div>
      {pending ? (
        <form onSubmit={submitCode} className="mt-2 flex flex-wrap items-end gap-2">
          <label className="text-sm font-semibold" htmlFor="verify-code">
            Code the caller reads
            <input
              ref={codeRef}
              id="verify-code"
              inputMode="numeric"
              autoComplete="off"
              className="mt-1 block w-40 rounded-md border border-slate-400 px-3 py-2 font-mono"
            />
          </label>
          <button
            type="submit"
            disabled={busy}
            className="min-h-10 rounded-md bg-slate-900 px-3 py-2 font-semibold text-white"
          >
            Check the code
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => void step({ step: "cancel" })}
            className="min-h-10 rounded-md border border-slate-400 px-3 py-2 font-medium"
          >
            Cancel the verification
          </button>
        </form>
      ) : (
        <button
          ref={startRef}
          type="button"
          disabled={busy}
          onClick={() => void step({ step: "start" })}
          aria-keyshortcuts="v"
          className="mt-2 min-h-10 rounded-md border border-slate-500 bg-white px-3 py-1.5 font-semibold"
        >
          {view ? "Verify again" : "Send a verification request"}{" "}
          <kbd className="ml-1 rounded border border-current/40 px-1 text-xs font-normal">V</kbd>
        </button>
      )}
    </section>
  );
}
