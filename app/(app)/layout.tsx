import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { DatabaseUnavailableError } from "@/lib/db/availability";
import { env } from "@/lib/env";
import { TopBar } from "@/components/top-bar";
import { DemoBanner } from "@/components/demo-banner";
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
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      {env().DEMO_MODE && <DemoBanner />}
      <TopBar user={user} />
      <main id="main" className="mx-auto w-full max-w-7xl px-4 py-6">
        <Providers>
          <RsaStatusBanner initial={rsaAvailability()} />
          {children}
        </Providers>
      </main>
    </>
  );
}
