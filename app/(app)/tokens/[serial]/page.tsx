import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/require-permission";
import { recentSearches } from "@/lib/audit/serial-history";
import { Desk } from "@/components/desk/desk";
import { can } from "@/lib/auth/permissions";
import { parseSerialQuery } from "@/lib/tokens/serial";

export const metadata: Metadata = { title: "Token" };

/** Deep link for ticket systems: /tokens/<serial>?ticket=<ref> opens the desk on that token. */
export default async function TokenPage({
  params,
  searchParams,
}: {
  params: Promise<{ serial: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { serial } = await params;
  const query = await searchParams;
  const user = await requirePagePermission("token:read", `/tokens/${encodeURIComponent(serial)}`);
  const parsed = parseSerialQuery(decodeURIComponent(serial));
  const ticket = typeof query.ticket === "string" ? query.ticket.slice(0, 64) : "";
  return (
    <Desk
      initialSerial={parsed.ok ? parsed.serial : null}
      initialQuery={decodeURIComponent(serial)}
      initialTicket={ticket}
      recent={await recentSearches(user.id)}
      canChange={can(user.role, "token:change")}
    />
  );
}
