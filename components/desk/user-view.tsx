"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import type { DeskAction } from "@/lib/desk/desk-actions";
import type { UserCard } from "@/lib/people/user-card";
import { MAX_ACTIVE_TOKENS_SHOWN } from "@/components/desk/user-limits";
import { ActionBar } from "@/components/desk/action-bar";
import { CodeReveal } from "@/components/desk/code-reveal";
import { ConfirmationBanner } from "@/components/desk/confirmation-banner";
import type { Confirmation } from "@/components/desk/dialog/dialog-context";
import type { DeskViewProps } from "@/components/desk/desk-view-props";
import { LookupPending, LookupProblem, RefreshProblem } from "@/components/desk/lookup-states";
import { useSteadyAnswer } from "@/components/desk/steady-answer";
import { targetKey } from "@/components/desk/desk-target";
import { useUserCard, userQueryKey } from "@/components/desk/queries";
import { UserAuthenticators, sidActions, type CardTarget } from "@/components/desk/user-authenticators";
import { UserDialogs } from "@/components/desk/user-dialogs";
import { UserFacts } from "@/components/desk/user-facts";
import { VerificationPanel } from "@/components/desk/verification-panel";
import { followUpDraft } from "@/components/desk/token-view";

type Open = { action: DeskAction; target: CardTarget | null; opener: HTMLElement | null };

/** The caller's own actions (not about one token), the likeliest first. */
function callerActions(card: UserCard, canChange: boolean): DeskAction[] {
  if (!canChange) return [];
  const actions: DeskAction[] = [];
  if (card.activeTokens < MAX_ACTIVE_TOKENS_SHOWN) actions.push("assign");
  actions.push("issue-code");
  if (card.issuedCode) actions.push("cancel-code");
  return actions;
}

/** A caller found by e-mail: who they are, their lockouts and emergency access, and every authenticator with its actions. */
export function UserView({
  email,
  canChange,
  ticket,
  onTicketUsed,
  registerShortcuts,
  resume,
  announce,
}: DeskViewProps & { email: string }) {
  const queryClient = useQueryClient();
  const lookup = useUserCard(email);
  const [open, setOpen] = useState<Open | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [reveal, setReveal] = useState<Record<string, string> | null>(null);
  const [verificationId, setVerificationId] = useState<string | null>(null);
  const [verificationHidden, setVerificationHidden] = useState(false);
  const verifyRef = useRef<HTMLButtonElement>(null);
  const resumed = useRef(false);

  const answer = useSteadyAnswer(lookup);
  const card = answer.data && "user" in answer.data ? answer.data : null;
  const own = useMemo(() => (card ? callerActions(card, canChange) : []), [card, canChange]);
  // With one token, its keys work on the caller's card too: D, E, P… act on it.
  const only = card && card.tokens.length === 1 ? card.tokens[0]! : null;
  const shortcuts = useMemo(() => {
    const tokenKeys = only ? sidActions(only, canChange) : [];
    const verify: DeskAction[] = card?.verificationAvailable && !verificationHidden && canChange ? ["verify"] : [];
    return [...tokenKeys, ...own, ...verify];
  }, [only, canChange, own, card, verificationHidden]);

  // Registered once there is an answer: until then the desk holds a key pressed early (components/desk/desk.tsx).
  const answered = answer.data !== null;
  useEffect(() => {
    if (!answered) return;
    registerShortcuts({
      target: targetKey({ kind: "user", email }),
      actions: shortcuts,
      open: (action) => {
        if (action === "verify") return verifyRef.current?.click();
        const target = only && !own.includes(action) ? ({ kind: "SID700", token: only } as const) : null;
        setOpen({ action, target, opener: null });
      },
    });
    return () => registerShortcuts(null);
  }, [answered, email, shortcuts, only, own, registerShortcuts]);

  useEffect(() => {
    if (resume && card && !resumed.current && shortcuts.includes(resume)) {
      resumed.current = true;
      setOpen({
        action: resume,
        target: only && !own.includes(resume) ? { kind: "SID700", token: only } : null,
        opener: null,
      });
    }
  }, [resume, card, shortcuts, only, own]);

  if (!answer.data)
    return answer.problem ? (
      <LookupProblem problem={answer.problem} onRetry={() => void lookup.refetch()} />
    ) : (
      <LookupPending text={`Looking up ${email} in RSA…`} />
    );
  const refreshProblem = answer.problem && (
    <RefreshProblem problem={answer.problem} onRetry={() => void lookup.refetch()} />
  );
  if (!card)
    return (
      <div className="grid gap-3">
        {refreshProblem}
        <div className="rounded-lg border border-slate-300 bg-white p-6" data-testid="not-found">
          <h2 className="text-xl font-semibold">No such user</h2>
          <p className="mt-1 text-slate-700">
            RSA has no user with the e-mail <span className="font-semibold">{email}</span>. Check the spelling with the
            caller, or search with a part of it.
          </p>
        </div>
      </div>
    );

  const person = { userId: card.user.id, email: card.user.emailAddress ?? email, name: card.name };
  const followUps: DeskAction[] =
    confirmation?.action === "disable" && confirmation.reason === "lost"
      ? ["issue-code"]
      : confirmation?.action === "enable" && card.issuedCode
        ? ["cancel-code"]
        : [];

  return (
    <article
      aria-labelledby="user-title"
      className="grid gap-3 rounded-lg border border-slate-300 bg-white p-4"
      data-testid="user-card"
    >
      {refreshProblem}
      {confirmation && (
        <ConfirmationBanner
          confirmation={confirmation}
          followUps={followUps}
          onFollowUp={(action, opener) => setOpen({ action, target: null, opener })}
        />
      )}
      {reveal?.code && <CodeReveal code={reveal.code} expiresAt={reveal.expiresAt} onDone={() => setReveal(null)} />}
      <UserFacts card={card} />
      {canChange && (
        <div className="grid gap-2">
          <ActionBar
            actions={own}
            label="Actions for this caller"
            onOpen={(action, opener) => setOpen({ action, target: null, opener })}
          />
          {card.activeTokens >= MAX_ACTIVE_TOKENS_SHOWN && (
            <p className="text-amber-900" data-testid="token-limit">
              {card.name ?? "This caller"} already has five active tokens, the most RSA allows: disable or unassign one
              before assigning another.
            </p>
          )}
        </div>
      )}
      {canChange && card.verificationAvailable && !verificationHidden && (
        <VerificationPanel
          person={person}
          startRef={verifyRef}
          onVerified={(id) => setVerificationId(id)}
          onUnavailable={() => setVerificationHidden(true)}
        />
      )}
      <UserAuthenticators
        card={card}
        canChange={canChange}
        lookedUpAt={answer.at}
        onOpen={(action, target, opener) => setOpen({ action, target, opener })}
      />
      {open && (
        <UserDialogs
          open={open}
          card={card}
          person={person}
          ticket={followUps.includes(open.action) && confirmation ? followUpDraft(confirmation, ticket) : ticket}
          verificationId={verificationId ?? undefined}
          onClose={() => setOpen(null)}
          returnFocus={() =>
            open.opener && document.contains(open.opener)
              ? open.opener.focus()
              : document.getElementById("desk-search")?.focus()
          }
          onRefused={() => void queryClient.invalidateQueries({ queryKey: userQueryKey(email) })}
          switchTo={(action) => setOpen({ ...open, action })}
          onDone={(done, extra) => {
            setOpen(null);
            void queryClient.invalidateQueries({ queryKey: userQueryKey(email) });
            if (done.ticket) onTicketUsed(done.ticket);
            setConfirmation(done);
            if (extra?.reveal) setReveal(extra.reveal);
            announce(`${done.subject}: ${done.now ?? "done"}`);
          }}
        />
      )}
    </article>
  );
}
