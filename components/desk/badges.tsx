import type { TokenState, TokenStatus } from "@/lib/rsa/types";

/**
 * Status and state are different things in RSA; two badges that never look
 * alike. A value tokendesk does not know is shown as RSA sent it ("RSA says:
 * Suspended") in a neutral dashed badge, never mapped to a known one.
 */

function UnknownBadge({ testId, what, raw }: { testId: string; what: string; raw: string }) {
  const said = raw.trim() || "nothing";
  return (
    <span
      data-testid={testId}
      data-unknown="true"
      title={`RSA sent a ${what} tokendesk does not know`}
      className="inline-flex items-center gap-1 rounded-md border-2 border-dashed border-slate-600 bg-white px-2.5 py-0.5 text-sm font-semibold text-slate-900"
    >
      <span aria-hidden>?</span>
      RSA says: {said}
    </span>
  );
}

/**
 * `outranked`: something else already stops the token from working (it has
 * expired): the status is shown quietly, so a green "Enabled" never says
 * "works" about an expired token.
 */
export function StatusBadge({
  status,
  raw = "",
  outranked = false,
}: {
  status: TokenStatus | null;
  raw?: string;
  outranked?: boolean;
}) {
  if (status === null) return <UnknownBadge testId="status-badge" what="status" raw={raw} />;
  const enabled = status === "Enabled";
  if (outranked)
    return (
      <span
        data-testid="status-badge"
        className="inline-flex items-center gap-1 rounded-md border-2 border-slate-500 bg-white px-2.5 py-0.5 text-sm font-semibold text-slate-800"
      >
        {status}
      </span>
    );
  return (
    <span
      data-testid="status-badge"
      className={`inline-flex items-center gap-1 rounded-md px-2.5 py-1 text-sm font-bold ${enabled ? "bg-green-700 text-white" : "bg-red-700 text-white"}`}
    >
      <span aria-hidden>{enabled ? "●" : "■"}</span>
      {status}
    </span>
  );
}

const STATE_STYLE: Record<TokenState, string> = {
  Unassigned: "border-slate-500 text-slate-800",
  "Activation Pending": "border-amber-600 text-amber-900",
  Activated: "border-blue-700 text-blue-900",
};

export function StateBadge({ state, raw = "" }: { state: TokenState | null; raw?: string }) {
  if (state === null) return <UnknownBadge testId="state-badge" what="state" raw={raw} />;
  return (
    <span
      data-testid="state-badge"
      className={`inline-flex rounded-md border-2 bg-white px-2.5 py-0.5 text-sm font-semibold ${STATE_STYLE[state]}`}
    >
      {state}
    </span>
  );
}
