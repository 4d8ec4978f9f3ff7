import type { TokenState, TokenStatus } from "@/lib/rsa/types";

/** Status and state are different things in RSA; two badges that never look alike. */
export function StatusBadge({ status }: { status: TokenStatus }) {
  const enabled = status === "Enabled";
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

export function StateBadge({ state }: { state: TokenState }) {
  return (
    <span
      data-testid="state-badge"
      className={`inline-flex rounded-md border-2 bg-white px-2.5 py-0.5 text-sm font-semibold ${STATE_STYLE[state]}`}
    >
      {state}
    </span>
  );
}
