import type { Ds100Credential } from "@/lib/rsa/types";
import { groupSerial } from "@/lib/tokens/serial";
import { ds100Snapshot, isKnown, noActionReason } from "@/lib/tokens/token-actions";
import { CopyButton } from "@/components/copy-button";
import { StateBadge, StatusBadge } from "@/components/desk/badges";
import { Fact, UnknownValueNote, When } from "@/components/desk/fact";
import { OwnerLine } from "@/components/desk/sid-token-card";
import type { KnownOwner } from "@/lib/people/directory";

interface Ds100CardProps {
  deviceSerial: string;
  credentials: Ds100Credential[];
  /** Credentials RSA returned that tokendesk could not read (their serial or owner): counted, not shown. */
  hiddenCredentials?: number;
  owner?: KnownOwner | null;
  verdict?: React.ReactNode;
  actions?: React.ReactNode;
}

/** A DS100 device and each OTP credential RSA returned for it. */
export function Ds100Card({
  deviceSerial,
  credentials,
  hiddenCredentials = 0,
  owner = null,
  verdict,
  actions,
}: Ds100CardProps) {
  const snapshot = ds100Snapshot(credentials);
  return (
    <article
      aria-labelledby="token-title"
      className="rounded-lg border border-slate-300 bg-white p-4"
      data-testid="token-card"
    >
      <header className="flex flex-wrap items-center gap-3">
        <h2 id="token-title" className="font-mono text-3xl font-bold tracking-wider">
          {groupSerial(deviceSerial)}
        </h2>
        <CopyButton value={deviceSerial} label="Copy device serial number" />
        <span className="text-slate-600">DS100 authenticator (device)</span>
      </header>
      <p className="mt-1 text-base">
        <span className="text-sm font-medium text-slate-600">Owner: </span>
        <OwnerLine userId={snapshot.userId} owner={owner} />
      </p>
      {verdict && <div className="mt-3">{verdict}</div>}
      {actions && <div className="mt-3">{actions}</div>}
      {!isKnown(snapshot) && <UnknownValueNote text={noActionReason("DS100", snapshot)} />}
      {hiddenCredentials > 0 && (
        <p
          className="mt-3 rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950"
          data-testid="hidden-credentials"
        >
          {hiddenCredentials === 1
            ? "RSA returned a credential for this device that tokendesk could not read, so it is not shown."
            : `RSA returned ${hiddenCredentials} credentials for this device that tokendesk could not read, so they are not shown.`}{" "}
          Check the device in the RSA Cloud Administration Console.
        </p>
      )}
      {credentials.map((c) => (
        <section
          key={c.tokenSerialNumber}
          aria-label={`Credential ${c.tokenSerialNumber}`}
          className="mt-4 rounded-md border border-slate-200 p-4"
        >
          <div className="flex flex-wrap items-center gap-3">
            <h3 className="font-mono text-xl font-semibold">Credential {groupSerial(c.tokenSerialNumber)}</h3>
            <CopyButton value={c.tokenSerialNumber} label="Copy credential serial number" />
            <span className="ml-auto flex gap-2">
              <StatusBadge status={c.tokenStatus} raw={c.rawTokenStatus} />
              <StateBadge state={c.tokenState} raw={c.rawTokenState} />
            </span>
          </div>
          <dl className="mt-3">
            <Fact term="Owner (RSA user id)">
              {c.userId ? (
                <>
                  <span className="font-mono">{c.userId}</span>
                  <CopyButton value={c.userId} label="Copy RSA user id" />
                </>
              ) : (
                <span className="text-slate-600">Not registered</span>
              )}
            </Fact>
            <Fact term="Name">{c.name ?? <span className="text-slate-500">—</span>}</Fact>
            <Fact term="Registered">
              <When iso={c.registeredDate} by={c.assignedBy} />
            </Fact>
            <Fact term="Last status change">
              <When iso={c.tokenStatusChangedAt} by={c.tokenStatusChangedBy} />
            </Fact>
            <Fact term="PIN set">{c.pinSet === null ? "Unknown" : c.pinSet ? "Yes" : "No"}</Fact>
            <Fact term="Last updated">
              <When iso={c.updatedAt} />
            </Fact>
          </dl>
        </section>
      ))}
    </article>
  );
}
