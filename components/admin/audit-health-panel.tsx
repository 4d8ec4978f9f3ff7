import type { AuditHealth } from "@/lib/admin/types";
import { LocalTime } from "@/components/local-time";
import { AuditHealthActions } from "@/components/admin/audit-health-actions";
import { Fact } from "@/components/admin/fact";

const TRIGGER: Record<string, string> = {
  page: "from a page",
  command: "by npm run audit:verify",
  timer: "by the scheduled check",
};

/** The audit trail's size, last verification, last checkpoint and changes still without an ending. */
export function AuditHealthPanel({ health }: { health: AuditHealth }) {
  const v = health.lastVerification;
  return (
    <div className="grid gap-3">
      <dl>
        <Fact label="Rows" testId="audit-rows">
          {BigInt(health.rows).toLocaleString("en-US")}
        </Fact>
        <Fact label="Last verification" testId="audit-last-verification">
          {!v ? (
            "The chain has not been verified yet."
          ) : v.ok ? (
            <span className="text-green-900">
              ✓ Intact: {v.rowsChecked.toLocaleString("en-US")} rows verified <LocalTime iso={v.verifiedAt} />
              {TRIGGER[v.trigger] ? ` ${TRIGGER[v.trigger]}` : ""}.
            </span>
          ) : (
            <span role="alert" className="font-semibold text-red-800">
              BROKEN at row {v.breakSeq}: {v.message} (checked <LocalTime iso={v.verifiedAt} />)
            </span>
          )}
        </Fact>
        <Fact label="Last checkpoint" testId="audit-last-checkpoint">
          {health.lastCheckpoint ? (
            <>
              {health.lastCheckpoint.seq ? `Row ${health.lastCheckpoint.seq}, ` : ""}
              <LocalTime iso={health.lastCheckpoint.at} />, by {health.lastCheckpoint.by}.
            </>
          ) : (
            "No checkpoint has been taken yet. Download one and keep it off this machine."
          )}
        </Fact>
        <Fact label="Open changes" testId="audit-open-intents">
          {health.openIntents === 0 ? (
            `None: every change older than ${health.reconcileAfterSeconds} s has an ending.`
          ) : (
            <span className="font-medium text-amber-900">
              {health.openIntents === 1
                ? `1 change older than ${health.reconcileAfterSeconds} s has no known ending yet.`
                : `${health.openIntents} changes older than ${health.reconcileAfterSeconds} s have no known ending yet.`}{" "}
              The reconciler settles them by asking RSA; a number that does not go down means RSA is unreachable.
            </span>
          )}
        </Fact>
      </dl>
      <AuditHealthActions />
    </div>
  );
}
