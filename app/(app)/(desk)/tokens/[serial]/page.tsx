import type { Metadata } from "next";
import { requirePage } from "@/lib/guard/page";
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
  const { user } = await requirePage(
    { resource: "desk", permission: "token:read" },
    `/tokens/${encodeURIComponent(serial)}`,
  );
  // Next.js has decoded the segment once; decoding again would crash on a literal "%".
  const parsed = parseSerialQuery(serial);
  const ticket = typeof query.ticket === "string" ? query.ticket.slice(0, 64) : "";
  return (
    <Desk
      initialSerial={parsed.ok ? parsed.serial : null}
      initialQuery={serial}
      initialTicket={ticket}
      recent={await recentSearches(user.id)}
      canChange={can(user.role, "token:change")}
    />
  );
}
