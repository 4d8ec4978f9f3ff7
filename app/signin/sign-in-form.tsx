"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { signInMessage } from "@/lib/auth/sign-in-errors";

export function SignInForm({
  callbackUrl,
  notice,
  autoFocus = true,
  secondary = false,
}: {
  callbackUrl: string;
  notice?: string;
  /** Off when a single sign-on button comes first and takes the focus. */
  autoFocus?: boolean;
  /** Beside a single sign-on button, the password's button steps back so one way in leads. */
  secondary?: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(signInMessage(result?.error));
    } catch {
      setError("tokendesk could not be reached. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      {notice && !error && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{notice}</p>
      )}
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus={autoFocus}
          className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
        />
      </div>
      <div role="status" aria-live="polite" className="min-h-6 text-sm font-medium text-red-700">
        {error}
      </div>
      <button
        type="submit"
        disabled={pending}
        className={
          secondary
            ? "w-full rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60"
            : "w-full rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
        }
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
