"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import type { DeskAction } from "@/lib/desk/desk-actions";
import { verdictFor } from "@/lib/desk/verdict";
import { daysUntilDay } from "@/lib/format/calendar-day";
import type { LookupResult } from "@/lib/tokens/lookup-token";
import { CHANGE_REASONS } from "@/lib/tokens/change-reasons";
import { groupSerial } from "@/lib/tokens/serial";
import { ds100Snapshot, sidSnapshot, type TokenAction } from "@/lib/tokens/token-actions";
import { ActionBar } from "@/components/desk/action-bar";
import { CodeReveal } from "@/components/desk/code-reveal";
import { ConfirmationBanner } from "@/components/desk/confirmation-banner";
import { Ds100Card } from "@/components/desk/ds100-card";
import { HistoryTimeline } from "@/components/desk/history-timeline";
import { historyQueryKey, tokenQueryKey, useTokenLookup } from "@/components/desk/queries";
import { SidTokenCard } from "@/components/desk/sid-token-card";
import { TokenDialogs } from "@/components/desk/token-dialogs";
import { VerdictBanner } from "@/components/desk/verdict-banner";
import type { Confirmation } from "@/components/desk/dialog/dialog-context";
import type { DeskViewProps } from "@/components/desk/desk-view-props";
import { LookupProblem, LookupPending, RefreshProblem } from "@/components/desk/lookup-states";
import { useSteadyAnswer } from "@/components/desk/steady-answer";
import { targetKey } from "@/components/desk/desk-target";

type Found = Extract<LookupResult, { found: true }>;

/** What can be done to this token now, the likeliest first. */
export function tokenActions(found: Found, canChange: boolean): DeskAction[] {
  if (!canChange) return [];
  const status: DeskAction[] = found.actions.filter((a: TokenAction) => a !== "unassign");
  const actions: DeskAction[] = [...status];
  const owned = found.kind === "SID700" ? sidSnapshot(found.token) : ds100Snapshot(found.credentials);
  const known = owned.tokenStatus !== null && owned.tokenState !== null;
  if (known && owned.userId && found.actions.length > 0) actions.push("clear-pin");
  if (found.actions.includes("unassign")) actions.push("unassign");
  if (found.kind === "SID700" && known && owned.userId) actions.push("rename");
  if (found.kind === "SID700" && known && owned.tokenState === "Unassigned" && !owned.userId) actions.push("assign");
  if (owned.userId && !found.owner) actions.push("find-owner");
  return actions;
}

const dayFormat = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short" }).format(new Date(iso));

/** The answer for one serial: the verdict first, the card, the actions, the serial's history beside it. */
export function TokenView({
  serial,
  canChange,
  ticket,
  onTicketUsed,
  registerShortcuts,
  resume,
  announce,
}: DeskViewProps & { serial: string }) {
  const queryClient = useQueryClient();
  const lookup = useTokenLookup(serial);
  const [open, setOpen] = useState<{ action: DeskAction; opener: HTMLElement | null } | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [reveal, setReveal] = useState<Record<string, string> | null>(null);
  const resumed = useRef(false);

  const answer = useSteadyAnswer(lookup);
  const found = answer.data?.found ? answer.data : null;
  const actions = useMemo(() => (found ? tokenActions(found, canChange) : []), [found, canChange]);

  const offersCode = confirmation?.action === "disable" && confirmation.reason === "lost" && !!found?.owner?.email;
  const followUps: DeskAction[] = offersCode ? ["issue-code"] : [];
  const keys = useMemo(
    () => (offersCode && !actions.includes("issue-code") ? [...actions, "issue-code" as const] : actions),
    [actions, offersCode],
  );

  // Registered once there is an answer: until then the desk holds a key pressed early (components/desk/desk.tsx).
  const answered = answer.data !== null;
  useEffect(() => {
    if (!answered) return;
    registerShortcuts({
      target: targetKey({ kind: "token", serial }),
      actions: keys,
      open: (action) => setOpen({ action, opener: null }),
    });
    return () => registerShortcuts(null);
  }, [answered, serial, keys, registerShortcuts]);

  // Back from signing in again with a dialog's draft: open that dialog once the token is shown.
  useEffect(() => {
    if (resume && found && !resumed.current && actions.includes(resume)) {
      resumed.current = true;
      setOpen({ action: resume, opener: null });
    }
  }, [resume, found, actions]);

  // What the screen reader says after a lookup: the same sentence the card opens with.
  const latest = lookup.data;
  useEffect(() => {
    if (!latest) return;
    if (!latest.ok) announce(latest.message);
    else if (!latest.data.found) announce(`No token with serial ${groupSerial(serial)}.`);
    else if (latest.data.kind === "SID700")
      announce(
        verdictFor(latest.data.token, { now: Date.now(), lastChange: latest.data.lastChange, formatDay: dayFormat })
          .headline,
      );
    else announce(`DS100 authenticator ${groupSerial(serial)}.`);
  }, [latest, serial, announce]);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: tokenQueryKey(serial) });
    void queryClient.invalidateQueries({ queryKey: historyQueryKey(serial) });
  };

  if (!answer.data)
    return (
      <Layout serial={serial} lookupAt={answer.at}>
        {answer.problem ? (
          <LookupProblem problem={answer.problem} onRetry={() => void lookup.refetch()} />
        ) : (
          <LookupPending text={`Looking up ${groupSerial(serial)} in RSA…`} />
        )}
      </Layout>
    );
  const refreshProblem = answer.problem && (
    <RefreshProblem problem={answer.problem} onRetry={() => void lookup.refetch()} />
  );
  if (!found)
    return (
      <Layout serial={serial} lookupAt={answer.at}>
        {refreshProblem}
        <div className="min-h-32 rounded-lg border border-slate-300 bg-white p-6" data-testid="not-found">
          <h2 className="text-xl font-semibold">Not found</h2>
          <p className="mt-1 text-slate-700">
            RSA has no SID700 token or DS100 authenticator with serial{" "}
            <span className="font-mono font-semibold">{groupSerial(serial)}</span>. Check the digits with the caller.
          </p>
        </div>
      </Layout>
    );

  const token = found.kind === "SID700" ? found.token : null;
  const verdict = token
    ? verdictFor(token, {
        now: answer.at,
        lastChange: found.lastChange,
        formatDay: dayFormat,
        reasonLabel: (reason) => CHANGE_REASONS[reason as keyof typeof CHANGE_REASONS] ?? reason,
      })
    : null;
  const bar = <ActionBar actions={actions} onOpen={(action, opener) => setOpen({ action, opener })} />;
  return (
    <Layout serial={serial} lookupAt={answer.at}>
      <div className="grid gap-3">
        {refreshProblem}
        {confirmation && (
          <ConfirmationBanner
            confirmation={confirmation}
            followUps={followUps}
            onFollowUp={(action, opener) => setOpen({ action, opener })}
          />
        )}
        {reveal?.code && <CodeReveal code={reveal.code} expiresAt={reveal.expiresAt} onDone={() => setReveal(null)} />}
        {token ? (
          <SidTokenCard
            token={token}
            owner={found.owner}
            lastChange={found.lastChange}
            expired={(token.expiryDate ? (daysUntilDay(token.expiryDate, answer.at) ?? 0) : 0) < 0}
            verdict={verdict && <VerdictBanner verdict={verdict} />}
            actions={bar}
          />
        ) : (
          found.kind === "DS100" && (
            <Ds100Card
              deviceSerial={found.serial}
              credentials={found.credentials}
              hiddenCredentials={found.hiddenCredentials}
              owner={found.owner}
              actions={bar}
            />
          )
        )}
        {canChange && actions.length === 0 && (
          <p className="text-slate-700" data-testid="no-actions">
            {noActionsSentence(found)}
          </p>
        )}
      </div>
      {open && (
        <TokenDialogs
          action={open.action}
          found={found}
          ticket={followUps.includes(open.action) && confirmation ? followUpDraft(confirmation, ticket) : ticket}
          onClose={() => setOpen(null)}
          returnFocus={() =>
            open.opener && document.contains(open.opener)
              ? open.opener.focus()
              : document.getElementById("desk-search")?.focus()
          }
          onRefused={refresh}
          switchTo={(action) => setOpen({ action, opener: open.opener })}
          onDone={(done, extra) => {
            setOpen(null);
            refresh();
            if (done.ticket) onTicketUsed(done.ticket);
            setConfirmation(done);
            if (extra?.reveal) setReveal(extra.reveal);
            announce(`${done.subject}: ${done.now ?? "done"}`);
          }}
        />
      )}
    </Layout>
  );
}

/** A follow-up is the same piece of work: it keeps the ticket and the reason of the change before it. */
export function followUpDraft(confirmation: Confirmation, ticket: DeskViewProps["ticket"]): DeskViewProps["ticket"] {
  return { ticket: confirmation.ticket ?? ticket.ticket, reason: confirmation.reason ?? "", note: "" };
}

function noActionsSentence(found: Found): string {
  if (found.kind === "DS100" && found.hiddenCredentials > 0)
    return "A credential of this device could not be read, so tokendesk offers no change to it. Check it in the RSA console.";
  return found.kind === "SID700"
    ? "This token is not assigned to anyone, so it cannot be enabled, disabled or unassigned."
    : "No change is possible for this authenticator in its current state.";
}

function Layout({ serial, lookupAt, children }: { serial: string; lookupAt: number; children: React.ReactNode }) {
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <div>{children}</div>
      <HistoryTimeline serial={serial} lookupAt={lookupAt} />
    </div>
  );
}
