import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/require-permission";
import { recentSearches } from "@/lib/audit/serial-history";
import { Desk } from "@/components/desk/desk";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Desk" };

export default async function DeskPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePagePermission("token:read", "/");
  const params = await searchParams;
  const ticket = typeof params.ticket === "string" ? params.ticket.slice(0, 64) : "";
  return (
    <Desk
      initialSerial={null}
      initialTicket={ticket}
      recent={await recentSearches(user.id)}
      canChange={can(user.role, "token:change")}
    />
  );
}
