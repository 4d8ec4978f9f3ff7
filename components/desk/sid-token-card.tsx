import type { SidToken } from "@/lib/rsa/types";
import { groupSerial } from "@/lib/tokens/serial";
import { isKnown, noActionReason, sidSnapshot } from "@/lib/tokens/token-actions";
import { CopyButton } from "@/components/copy-button";
import { StateBadge, StatusBadge } from "@/components/desk/badges";
import { Expiry, Fact, UnknownValueNote, When } from "@/components/desk/fact";

/** Every field of RSA's answer for a SID700 token, in the words an agent uses. */
export function SidTokenCard({ token }: { token: SidToken }) {
  const snapshot = sidSnapshot(token);
  return (
    <article
      aria-labelledby="token-title"
      className="rounded-lg border border-slate-300 bg-white p-5"
      data-testid="token-card"
    >
      <header className="flex flex-wrap items-center gap-3">
        <h2 id="token-title" className="font-mono text-3xl font-bold tracking-wider">
          {groupSerial(token.tokenSerialNumber)}
        </h2>
        <CopyButton value={token.tokenSerialNumber} label="Copy serial number" />
        <span className="text-slate-600">{token.deviceType ?? "SID700"} hardware token</span>
        <span className="ml-auto flex gap-2">
          <StatusBadge status={token.tokenStatus} raw={token.rawTokenStatus} />
          <StateBadge state={token.tokenState} raw={token.rawTokenState} />
        </span>
      </header>
      {!isKnown(snapshot) && <UnknownValueNote text={noActionReason("SID700", snapshot)} />}
      <dl className="mt-4">
        <Fact term="Owner (RSA user id)">
          {token.userId ? (
            <>
              <span className="font-mono">{token.userId}</span>
              <CopyButton value={token.userId} label="Copy RSA user id" />
            </>
          ) : (
            <span className="text-slate-600">Not assigned to anyone</span>
          )}
        </Fact>
        <Fact term="Name">{token.name ?? <span className="text-slate-500">—</span>}</Fact>
        <Fact term="Assigned">
          <When iso={token.assignedAt} by={token.assignedBy} />
        </Fact>
        <Fact term="Registered">
          <When iso={token.registeredDate} />
        </Fact>
        <Fact term="Last status change">
          <When iso={token.tokenStatusChangedAt} by={token.tokenStatusChangedBy} />
        </Fact>
        <Fact term="PIN set">{token.pinSet === null ? "Unknown" : token.pinSet ? "Yes" : "No"}</Fact>
        <Fact term="Expires">
          <Expiry iso={token.expiryDate} />
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
