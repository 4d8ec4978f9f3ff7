import type { Metadata } from "next";
import { requirePage } from "@/lib/guard/page";
import { recentSearches } from "@/lib/audit/serial-history";
import { Desk } from "@/components/desk/desk";
import { can } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Desk" };

export default async function DeskPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user } = await requirePage({ resource: "desk", permission: "token:read" }, "/");
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
