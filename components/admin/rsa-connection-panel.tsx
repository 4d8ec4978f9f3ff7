"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import type { RsaCheckReport, RsaConnection } from "@/lib/admin/types";
import { LocalTime } from "@/components/local-time";
import { Fact } from "@/components/admin/fact";
import { FindingsList } from "@/components/admin/findings-list";
import { ui } from "@/components/admin/ui";

async function checkNow(): Promise<ActionResult<RsaCheckReport>> {
  const response = await fetch("/api/admin/rsa-check", { cache: "no-store" });
  return (await response.json()) as ActionResult<RsaCheckReport>;
}

const MODE: Record<RsaConnection["mode"], string> = {
  demo: "The simulated tenant bundled with tokendesk (demo mode). Nothing here touches a real RSA tenant.",
  tenant: "A real RSA tenant.",
  none: "No RSA credentials are configured.",
};

/** Which RSA tenant, with which credential, and whether it answers; "Check now" runs the rsa:check diagnosis. */
export function RsaConnectionPanel({
  connection,
  lastCheck,
}: {
  connection: RsaConnection;
  lastCheck: RsaCheckReport | null;
}) {
  const [report, setReport] = useState(lastCheck);
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: checkNow,
    onSuccess: (result) => {
      if (!result.ok) return setProblem(result.message);
      setProblem(null);
      setReport(result.data);
    },
    onError: () => setProblem("tokendesk could not be reached, so the check did not run. Try again."),
  });
  const summary = mutation.isPending
    ? "Checking the RSA connection…"
    : problem
      ? problem
      : report
        ? report.ok
          ? "The RSA connection works."
          : "The RSA connection is not working; the failed lines below say why."
        : "";

  return (
    <div className="grid gap-3">
      <dl>
        <Fact label="Tenant" testId="rsa-mode">
          {MODE[connection.mode]}
        </Fact>
        {connection.problem && (
          <Fact label="Problem">
            <span className="font-medium text-red-800">{connection.problem}</span>
          </Fact>
        )}
        <Fact label="Credential type">{connection.credential ?? "—"}</Fact>
        <Fact label="Tenant URL">{connection.tenantUrl ? <code>{connection.tenantUrl}</code> : "—"}</Fact>
        <Fact label="Key id">{connection.keyId ?? "—"}</Fact>
        <Fact label="Key file">{connection.keyFile ? <code>{connection.keyFile}</code> : "—"}</Fact>
        <Fact label="Clock skew" testId="rsa-clock-skew">
          {report?.clockSkew ? report.clockSkew.text : "Not measured yet on this instance. Press “Check now”."}
        </Fact>
        <Fact label="Last successful call">
          <LastCall connection={connection} />
        </Fact>
      </dl>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className={ui.secondaryButton}
          onClick={() => !mutation.isPending && mutation.mutate()}
          aria-busy={mutation.isPending}
        >
          {mutation.isPending ? "Checking…" : "Check now"}
        </button>
        <p
          role="status"
          className={`text-sm font-medium ${problem || (report && !report.ok) ? "text-red-800" : "text-slate-800"}`}
          data-testid="rsa-check-summary"
        >
          {summary}
        </p>
      </div>
      {report && (
        <div className={mutation.isPending ? "opacity-60" : undefined}>
          <p className="mb-1 text-xs text-slate-600">
            Checked <LocalTime iso={report.checkedAt} />.
          </p>
          <FindingsList findings={report.findings} />
        </div>
      )}
    </div>
  );
}

function LastCall({ connection }: { connection: RsaConnection }) {
  if (connection.state === "down")
    return (
      <span className="font-medium text-red-800">
        {connection.downSince ? (
          <>
            RSA has not answered since <LocalTime iso={connection.downSince} />; tokendesk is retrying in the
            background.
          </>
        ) : (
          "RSA is not answering; tokendesk is retrying in the background."
        )}
      </span>
    );
  if (connection.lastSuccessAt) return <LocalTime iso={connection.lastSuccessAt} withRelative />;
  return <span className="text-slate-600">No call to RSA yet since this instance started.</span>;
}
