import { LocalTime } from "@/components/local-time";
import { verifyAuditChainAction } from "@/lib/actions/verify-audit-chain-action";

interface Verification {
  verifiedAt: Date;
  ok: boolean;
  rowsChecked: number;
  breakSeq: bigint | null;
  message: string | null;
}

/** When the chain was last verified and how it went, with a button to verify now. */
export function VerificationStatus({ verification }: { verification: Verification | null }) {
  return (
    <div className="flex items-center gap-3 text-sm" data-testid="verification-status">
      {verification ? (
        verification.ok ? (
          <p className="rounded-md bg-green-50 px-3 py-1.5 text-green-900">
            ✓ Chain intact — {verification.rowsChecked.toLocaleString()} rows verified{" "}
            <LocalTime iso={verification.verifiedAt.toISOString()} />
          </p>
        ) : (
          <p role="alert" className="rounded-md bg-red-700 px-3 py-1.5 font-semibold text-white">
            Chain BROKEN at row {String(verification.breakSeq)}: {verification.message} (checked{" "}
            <LocalTime iso={verification.verifiedAt.toISOString()} />)
          </p>
        )
      ) : (
        <p className="text-slate-700">The chain has not been verified yet.</p>
      )}
      <form action={verifyAuditChainAction}>
        <button
          type="submit"
          className="rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
        >
          Verify now
        </button>
      </form>
    </div>
  );
}
