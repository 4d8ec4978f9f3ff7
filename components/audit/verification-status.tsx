import type { BrokenRow, ChainStatus, Verification } from "@/lib/audit/history-chain";
import { actionWords, eventTitle } from "@/lib/audit/history-words";
import { groupSerial } from "@/lib/tokens/serial";
import { LocalTime } from "@/components/local-time";
import { VerifyNowButton } from "@/components/audit/verify-now-button";

const PROBLEMS: Record<string, string> = {
  edited: "a row was changed after it was written",
  "missing-rows": "rows are missing: deleted, or never written in order",
  "inserted-or-reordered": "a row was inserted, or rows were put out of order",
  truncated: "rows were cut off the end of the chain",
  "checkpoint-mismatch": "the chain no longer matches a checkpoint taken earlier",
};

const TRIGGERS: Record<string, string> = {
  page: "by a supervisor's Verify now",
  timer: "automatically",
  command: "from the command line",
};

const n = (value: number | bigint) => value.toLocaleString("en");

/**
 * Whether the audit trail is provably untouched: when it was last verified,
 * which rows that covered, whether rows have been added since, and — loudly —
 * where it breaks when it does.
 */
export function VerificationStatus({ status, everyMinutes }: { status: ChainStatus; everyMinutes: number }) {
  const { verification, rowsSince, brokenRow } = status;
  const broken = verification && !verification.ok;
  return (
    <section
      aria-label="Chain verification"
      data-testid="verification-status"
      className={`flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-lg border px-3 py-2 text-sm ${broken ? "border-red-700 bg-red-50" : "border-slate-200 bg-white"}`}
    >
      <div className="grid gap-1">
        {!verification ? (
          <p className="text-slate-800">
            <strong>The chain has not been verified yet.</strong> It is verified automatically every {everyMinutes}{" "}
            minutes; Verify now walks it at once.
          </p>
        ) : broken ? (
          <Broken verification={verification} row={brokenRow} />
        ) : (
          <Intact verification={verification} />
        )}
        {verification && !broken && rowsSince && (
          <p className="text-slate-800" data-testid="rows-since">
            {rowsSince.count === 0
              ? "No rows have been added since."
              : `${rowsSince.more ? "More than " : ""}${n(rowsSince.count)} ${rowsSince.count === 1 ? "row has" : "rows have"} been added since, not yet verified; the automatic run every ${everyMinutes} minutes will cover ${rowsSince.count === 1 ? "it" : "them"}.`}
          </p>
        )}
      </div>
      <VerifyNowButton />
    </section>
  );
}

function Intact({ verification }: { verification: Verification }) {
  const head = verification.headSeq;
  const incremental = verification.fromSeq !== null && head !== null;
  return (
    <p className="text-slate-900">
      <strong className="mr-1 inline-block rounded bg-green-100 px-1.5 text-green-900">✓ Chain intact</strong> Verified{" "}
      <LocalTime iso={verification.verifiedAt.toISOString()} /> {TRIGGERS[verification.trigger] ?? ""}:{" "}
      {head === null
        ? "the chain was empty."
        : incremental
          ? `every row up to row ${n(head)} (this run checked the ${n(verification.rowsChecked)} rows after row ${n(verification.fromSeq!)}).`
          : `all ${n(verification.rowsChecked)} rows, up to row ${n(head)}.`}
    </p>
  );
}

function Broken({ verification, row }: { verification: Verification; row: BrokenRow | null }) {
  const seq = verification.breakSeq !== null ? n(verification.breakSeq) : "?";
  return (
    <div role="alert" className="grid gap-1 text-red-900">
      <p className="text-base font-bold">
        The audit chain is BROKEN at row {seq}: {PROBLEMS[verification.problem ?? ""] ?? "it does not verify"}.
      </p>
      {row ? (
        <p>
          Row {seq} now reads: {eventTitle({ ...row, tokenType: null, outcome: null }) || actionWords(row.action)}
          {row.serial ? ` ${groupSerial(row.serial)}` : ""} by {row.actorName ?? row.actorEmail ?? "no one named"},{" "}
          <LocalTime iso={row.occurredAt.toISOString()} withSeconds />.
        </p>
      ) : (
        <p>Row {seq} is no longer in the table.</p>
      )}
      {verification.message && <p>What the check found: {verification.message.replace(/\.?$/, ".")}</p>}
      <p>
        Found <LocalTime iso={verification.verifiedAt.toISOString()} /> {TRIGGERS[verification.trigger] ?? ""}. Rows
        from there on cannot be trusted until an administrator has compared the database with its backups and
        checkpoints (<code>npm run audit:verify -- --checkpoints FILE</code>).
      </p>
    </div>
  );
}
