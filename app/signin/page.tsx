import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { env, oidcSettings, passwordsEnabled } from "@/lib/env";
import { DemoBanner } from "@/components/demo-banner";
import { SignInForm } from "@/app/signin/sign-in-form";
import { SsoButton } from "@/app/signin/sso-button";
import { OIDC_PROVIDER_ID } from "@/lib/auth/sso-provider";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { SIGN_IN_ERRORS, signInMessage } from "@/lib/auth/sign-in-errors";
import { DatabaseUnavailableError } from "@/lib/db/availability";

export const metadata: Metadata = { title: "Sign in" };

const first = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl), env().NEXTAUTH_URL);
  let user: CurrentUser | null = null;
  let databaseDown = false;
  try {
    user = await getCurrentUser();
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError)) throw error;
    databaseDown = true;
  }
  if (user) redirect(callbackUrl);
  // Only our own codes are ever turned into words; whatever else is in the URL is not shown.
  const error = first(params.error);
  const notice = databaseDown
    ? signInMessage(SIGN_IN_ERRORS.databaseUnavailable)
    : error === "SessionRequired" || params.reason === "ended"
      ? "Your session has ended. Sign in again."
      : error
        ? signInMessage(error)
        : undefined;
  const sso = oidcSettings();
  const passwords = passwordsEnabled();
  return (
    <>
      {env().DEMO_MODE && (
        <header>
          <DemoBanner />
        </header>
      )}
      <main className="mx-auto mt-20 w-full max-w-sm px-4">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to tokendesk</h1>
        <p className="mt-1 text-sm text-slate-600">RSA SecurID token help desk</p>
        {sso && notice && (
          <p
            id="sign-in-notice"
            className="mt-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            {notice}
          </p>
        )}
        {sso && (
          <SsoButton
            providerId={OIDC_PROVIDER_ID}
            label={`Sign in with ${sso.name}`}
            callbackUrl={callbackUrl}
            describedBy={notice ? "sign-in-notice" : undefined}
            autoFocus
          />
        )}
        {sso && passwords && (
          <p className="mt-8 flex items-center gap-3 text-sm text-slate-600 before:h-px before:flex-1 before:bg-slate-300 after:h-px after:flex-1 after:bg-slate-300">
            or with a tokendesk password
          </p>
        )}
        {passwords && (
          <SignInForm
            callbackUrl={callbackUrl}
            notice={sso ? undefined : notice}
            autoFocus={!sso}
            secondary={Boolean(sso)}
          />
        )}
      </main>
    </>
  );
}
