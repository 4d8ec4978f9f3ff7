import "server-only";
import { forbidden, redirect } from "next/navigation";
import { admit, type Admitted, type DoorSpec } from "@/lib/guard/guard";

/**
 * The door for server components: the signed-out go to sign-in (and come back
 * to `returnTo`), the unauthorized get the 403 page — both audited — and a
 * database outage shows the "unavailable" page with a 503, never "signed out".
 */
export async function requirePage(spec: DoorSpec, returnTo: string): Promise<Admitted> {
  const door = await admit(spec);
  if (door.ok) return door.admitted;
  switch (door.failure.code) {
    case "UNAUTHENTICATED":
      redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
    case "FORBIDDEN":
      forbidden();
    default:
      redirect(`/unavailable?from=${encodeURIComponent(returnTo)}`);
  }
}
