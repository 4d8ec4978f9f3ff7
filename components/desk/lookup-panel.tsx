"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ActionResult } from "@/lib/action-result";
import type { LookupResult } from "@/lib/tokens/lookup-token";
import { groupSerial } from "@/lib/tokens/serial";
import { SidTokenCard } from "@/components/desk/sid-token-card";
import { Ds100Card } from "@/components/desk/ds100-card";
import { HistoryTimeline } from "@/components/desk/history-timeline";
import { TokenActions } from "@/components/desk/token-actions";
import { ds100Snapshot, sidSnapshot } from "@/lib/tokens/token-actions";

interface LookupPanelProps {
  serial: string;
  lookup: UseQueryResult<ActionResult<LookupResult>>;
  canChange: boolean;
  ticket: string;
  onTicketUsed: (ticket: string) => void;
  onAnnounce: (message: string) => void;
}

/** The answer for one serial: loading, failure, not found, or the token with its actions and history. */
export function LookupPanel({ serial, lookup, canChange, ticket, onTicketUsed, onAnnounce }: LookupPanelProps) {
  const body = (() => {
    if (lookup.isPending) {
      return (
        <div
          aria-busy="true"
          className="min-h-64 animate-pulse rounded-lg border border-slate-200 bg-white p-6 text-slate-600"
        >
          Looking up <span className="font-mono">{groupSerial(serial)}</span> in RSA…
        </div>
      );
    }
    if (lookup.isError) {
      return <Problem text="tokendesk could not be reached. Check your connection and search again." />;
    }
    const result = lookup.data;
    if (!result.ok)
      return <Problem text={result.message} reference={result.referenceId} onRetry={() => void lookup.refetch()} />;
    if (!result.data.found) {
      return (
        <div className="min-h-32 rounded-lg border border-slate-300 bg-white p-6">
          <h2 className="text-xl font-semibold">Not found</h2>
          <p className="mt-1 text-slate-700">
            RSA has no SID700 token or DS100 authenticator with serial{" "}
            <span className="font-mono font-semibold">{groupSerial(serial)}</span>. Check the digits with the caller.
          </p>
        </div>
      );
    }
    const found = result.data;
    const snapshot = found.kind === "SID700" ? sidSnapshot(found.token) : ds100Snapshot(found.credentials);
    return (
      <div className="grid gap-4">
        {found.kind === "SID700" ? (
          <SidTokenCard token={found.token} />
        ) : (
          <Ds100Card
            deviceSerial={found.serial}
            credentials={found.credentials}
            hiddenCredentials={found.hiddenCredentials}
          />
        )}
        {canChange && (
          <TokenActions
            serial={found.serial}
            tokenType={found.kind}
            snapshot={snapshot}
            actions={found.actions}
            ticket={ticket}
            onTicketUsed={onTicketUsed}
            onAnnounce={onAnnounce}
          />
        )}
      </div>
    );
  })();

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <div>
        {body}
        {lookup.isFetching && !lookup.isPending && <p className="mt-2 text-sm text-slate-600">Refreshing…</p>}
      </div>
      <HistoryTimeline serial={serial} lookupAt={lookup.dataUpdatedAt} />
    </div>
  );
}

function Problem({ text, reference, onRetry }: { text: string; reference?: string; onRetry?: () => void }) {
  return (
    <div className="min-h-32 rounded-lg border border-red-300 bg-red-50 p-6" data-testid="lookup-problem">
      <p className="font-medium text-red-900">{text}</p>
      {reference && (
        <p className="mt-1 text-sm text-red-900">
          Reference: <span className="font-mono">{reference}</span>
        </p>
      )}
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-3 rounded-md border border-red-400 bg-white px-3 py-1.5 font-medium"
        >
          Try again
        </button>
      )}
    </div>
  );
}
