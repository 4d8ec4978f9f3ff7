"use client";

import { useRef, useState, type FormEvent } from "react";

/**
 * Signs out through next-auth's own endpoint with a plain form POST, so the
 * server ends the session (and audits it) and the browser follows its redirect
 * to the sign-in page. next-auth/react's signOut() would do the same with
 * about 10 KB of compressed JavaScript on every page; only the CSRF token is
 * fetched here, at the moment it is needed.
 */
export function SignOutButton() {
  const csrfInput = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (csrfInput.current?.value) return; // the token is in place: let the browser post the form
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    setFailed(false);
    try {
      const response = await fetch("/api/auth/csrf", { cache: "no-store", headers: { Accept: "application/json" } });
      const { csrfToken } = (await response.json()) as { csrfToken?: string };
      if (!response.ok || !csrfToken) throw new Error("no CSRF token");
      csrfInput.current!.value = csrfToken;
      form.requestSubmit();
    } catch {
      setPending(false);
      setFailed(true);
    }
  }

  return (
    <form method="post" action="/api/auth/signout" onSubmit={onSubmit} className="flex items-center gap-2">
      <input ref={csrfInput} type="hidden" name="csrfToken" defaultValue="" />
      <input type="hidden" name="callbackUrl" value="/signin" />
      {failed && (
        <span role="alert" className="text-sm font-medium text-red-800">
          Sign-out did not reach tokendesk. Try again.
        </span>
      )}
      <button
        type="submit"
        disabled={pending}
        className="min-h-8 rounded-md border border-slate-400 px-3 py-1.5 font-medium hover:bg-slate-100 disabled:opacity-60"
      >
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </form>
  );
}
