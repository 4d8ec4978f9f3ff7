import Link from "next/link";
import type { SidToken } from "@/lib/rsa/types";
import type { LastChange } from "@/lib/audit/serial-history";
import type { KnownOwner } from "@/lib/people/directory";
import { groupSerial } from "@/lib/tokens/serial";
import { isKnown, noActionReason, sidSnapshot } from "@/lib/tokens/token-actions";
import { CopyButton } from "@/components/copy-button";
import { CalendarDay } from "@/components/local-time";
import { StateBadge, StatusBadge } from "@/components/desk/badges";
import { Expiry, Fact, UnknownValueNote, When } from "@/components/desk/fact";

/** Within this of RSA's own "changed at", tokendesk's audit names the person who made the change. */
const SAME_CHANGE_MS = 5 * 60_000;

/** Who made the last status change: the agent from tokendesk's audit when it came through tokendesk. */
export function changedBy(
  token: Pick<SidToken, "tokenStatusChangedAt" | "tokenStatusChangedBy">,
  lastChange: LastChange | null,
) {
  if (lastChange && token.tokenStatusChangedAt) {
    const apart = Math.abs(Date.parse(token.tokenStatusChangedAt) - Date.parse(lastChange.at));
    if (apart < SAME_CHANGE_MS && lastChange.actorName) return `${lastChange.actorName} (through tokendesk)`;
  }
  return token.tokenStatusChangedBy;
}

export function OwnerLine({ userId, owner }: { userId: string | null; owner: KnownOwner | null }) {
  if (!userId) return <span className="text-slate-600">Not assigned to anyone</span>;
  if (!owner)
    return (
      <span data-testid="owner">
        <span className="text-slate-700">Not seen by tokendesk yet — RSA user id </span>
        <span className="font-mono text-sm">{userId}</span>
        <CopyButton value={userId} label="Copy RSA user id" />
      </span>
    );
  return (
    <span data-testid="owner">
      {owner.email ? (
        <Link href={`/users/${encodeURIComponent(owner.email)}`} className="font-semibold text-blue-800 underline">
          {owner.name ?? owner.email}
        </Link>
      ) : (
        <span className="font-semibold">{owner.name ?? userId}</span>
      )}
      {owner.email && owner.name && <span> · {owner.email}</span>}
      <span className="text-sm text-slate-600">
        {" "}
        (as seen on <CalendarDay iso={owner.seenAt} />)
      </span>
    </span>
  );
}

/** A SID700 token: the serial to read aloud, whose it is, its two badges, then every fact RSA gave. */
export function SidTokenCard({
  token,
  owner,
  lastChange,
  expired,
  verdict,
  actions,
}: {
  token: SidToken;
  owner: KnownOwner | null;
  lastChange: LastChange | null;
  expired: boolean;
  verdict: React.ReactNode;
  actions: React.ReactNode;
}) {
  const snapshot = sidSnapshot(token);
  return (
    <article
      aria-labelledby="token-title"
      className="rounded-lg border border-slate-300 bg-white p-4"
      data-testid="token-card"
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 id="token-title" className="font-mono text-3xl font-bold tracking-wider">
          {groupSerial(token.tokenSerialNumber)}
        </h2>
        <CopyButton value={token.tokenSerialNumber} label="Copy serial number" />
        <span className="text-slate-600">{token.deviceType ?? "SID700"} hardware token</span>
        <span className="ml-auto flex gap-2">
          <StatusBadge status={token.tokenStatus} raw={token.rawTokenStatus} outranked={expired} />
          <StateBadge state={token.tokenState} raw={token.rawTokenState} />
        </span>
      </header>
      <p className="mt-1 text-base">
        <span className="text-sm font-medium text-slate-600">Owner: </span>
        <OwnerLine userId={token.userId} owner={owner} />
      </p>
      <div className="mt-3">{verdict}</div>
      <div className="mt-3">{actions}</div>
      {!isKnown(snapshot) && <UnknownValueNote text={noActionReason("SID700", snapshot)} />}
      <dl className="mt-3 grid gap-x-6 md:grid-cols-2">
        <Fact term="Expires">
          <Expiry iso={token.expiryDate} />
        </Fact>
        <Fact term="PIN set">{token.pinSet === null ? "Unknown" : token.pinSet ? "Yes" : "No"}</Fact>
        <Fact term="Last status change">
          <When iso={token.tokenStatusChangedAt} by={changedBy(token, lastChange)} />
        </Fact>
        <Fact term="Assigned">
          <When iso={token.assignedAt} by={token.assignedBy} />
        </Fact>
        <Fact term="Name">{token.name ?? <span className="text-slate-500">—</span>}</Fact>
        <Fact term="Registered">
          <When iso={token.registeredDate} />
        </Fact>
        <Fact term="Last updated">
          <When iso={token.updatedAt} />
        </Fact>
        <Fact term="RSA token id">
          <span className="font-mono text-sm">{token.id ?? "—"}</span>
        </Fact>
      </dl>
    </article>
  );
}
