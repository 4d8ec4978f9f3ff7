"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

/**
 * Starts single sign-on. next-auth's signIn() posts to /api/auth/signin/oidc
 * with its CSRF token and then navigates to the provider by script: a plain
 * form post would be redirected to another origin, which the page's
 * `form-action 'self'` forbids.
 */
export function SsoButton({
  providerId,
  label,
  callbackUrl,
  describedBy,
  autoFocus,
}: {
  providerId: string;
  label: string;
  callbackUrl: string;
  /** The notice above (why the last sign-in was refused), read out with the focused button. */
  describedBy?: string;
  autoFocus: boolean;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setPending(true);
    setError(null);
    try {
      // Resolves only when the browser did not leave the page.
      await signIn(providerId, { callbackUrl });
    } catch {
      setError("tokendesk could not be reached. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <div className="mt-6">
      <button
        type="button"
        onClick={() => void start()}
        disabled={pending}
        autoFocus={autoFocus}
        aria-describedby={describedBy}
        className="w-full rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700 disabled:opacity-60"
      >
        {pending ? "Opening your sign-in page…" : label}
      </button>
      {error && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
