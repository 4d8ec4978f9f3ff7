import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { DemoBanner } from "@/components/demo-banner";
import { SignInForm } from "@/app/signin/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  if (await getCurrentUser()) redirect(callbackUrl);
  const sessionEnded = params.error === "SessionRequired" || params.reason === "ended";
  return (
    <>
      {env().DEMO_MODE && <DemoBanner />}
      <main className="mx-auto mt-20 w-full max-w-sm px-4">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to tokendesk</h1>
        <p className="mt-1 text-sm text-slate-600">RSA SecurID token help desk</p>
        <SignInForm
          callbackUrl={callbackUrl}
          notice={sessionEnded ? "Your session has ended. Sign in again." : undefined}
        />
      </main>
    </>
  );
}
