"use client";

import { useQuery } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/action-result";
import type { RsaAvailability } from "@/lib/rsa/breaker";
import { LocalTime } from "@/components/local-time";

/** What the banner knows: RSA's availability, "signed out", or nothing readable this time. */
type Status = RsaAvailability | "signed-out" | null;

async function fetchStatus(): Promise<Status> {
  const response = await fetch("/api/rsa/status", { cache: "no-store", headers: { Accept: "application/json" } });
  if (response.status === 401) return "signed-out";
  if (!response.ok) return null;
  const result = (await response.json()) as ActionResult<RsaAvailability>;
  return result.ok ? result.data : null;
}

/**
 * Shown on every screen while RSA does not answer this instance: agents learn
 * at once why searches fail, instead of each waiting out a timeout. It asks
 * tokendesk (never RSA) every few seconds while RSA is down, and clears itself
 * when the background probe finds RSA answering again.
 */
export function RsaStatusBanner({ initial }: { initial: RsaAvailability }) {
  const { data } = useQuery({
    queryKey: ["rsa-status"],
    queryFn: fetchStatus,
    initialData: initial,
    // A tab whose session has ended stops asking: each refused ask is an
    // ACCESS_DENIED row, and a forgotten tab would write one every 15 s. It asks
    // again when the agent comes back to it (window focus).
    refetchInterval: (query) => {
      const status = query.state.data;
      if (status === "signed-out") return false;
      return status?.state === "down" ? 3_000 : 15_000;
    },
    refetchOnWindowFocus: true,
  });
  const down = data !== "signed-out" && data?.state === "down";
  return (
    <div role="status" aria-live="polite" data-testid="rsa-status">
      {down && (
        <p className="mb-4 rounded-md border-2 border-red-700 bg-red-50 px-4 py-3 font-semibold text-red-900">
          RSA has not answered since {data.downSince ? <LocalTime iso={data.downSince} /> : "a moment ago"}. tokendesk
          is retrying in the background; searches and changes will work again as soon as RSA answers.
        </p>
      )}
    </div>
  );
}
