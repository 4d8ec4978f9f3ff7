import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { DatabaseUnavailableError } from "@/lib/db/availability";
import { env } from "@/lib/env";
import { TopBar } from "@/components/top-bar";
import { SkipLink } from "@/components/skip-link";
import { Providers } from "@/app/(app)/providers";
import { RsaStatusBanner } from "@/components/rsa-status-banner";
import { rsaAvailability } from "@/lib/rsa/availability";

// Every page under here is per-user; never prerender or cache it.
export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  // Each page goes through the door itself (which redirects, with the way back, and audits);
  // the layout only keeps the chrome off signed-out screens.
  let user: Awaited<ReturnType<typeof getCurrentUser>>;
  try {
    user = await getCurrentUser();
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) redirect("/unavailable");
    throw error;
  }
  if (!user) return <>{children}</>;
  return (
    <>
      <SkipLink />
      <TopBar user={user} demo={env().DEMO_MODE} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl px-4 py-6 focus:outline-none">
        <Providers>
          <RsaStatusBanner initial={rsaAvailability()} />
          {children}
        </Providers>
      </main>
    </>
  );
}
