import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { DemoBanner } from "@/components/demo-banner";
import { SignInForm } from "@/app/signin/sign-in-form";
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
        <SignInForm callbackUrl={callbackUrl} notice={notice} />
      </main>
    </>
  );
}
