"use client";

import { assignTokenAction } from "@/lib/actions/assign-token-action";
import { fail, type ActionResult } from "@/lib/action-result";
import { ACTION_WORDS, CONSEQUENCES, SAY_TO_CALLER, dialogTitle } from "@/lib/desk/desk-actions";
import { parsePersonQuery } from "@/lib/people/person-query";
import { groupSerial } from "@/lib/tokens/serial";
import { ChangeDialog } from "@/components/desk/dialog/change-dialog";
import { Field, describedBy, inputClass } from "@/components/desk/dialog/field";
import { draftFrom, type DialogContext } from "@/components/desk/dialog/dialog-context";
import type { UserCardAnswer } from "@/components/desk/queries";

type Assignee = { userId: string; email: string; name: string | null };

/** Who an e-mail belongs to in RSA, for "Assign to…" from an unassigned token. */
async function resolveCaller(typed: string): Promise<ActionResult<Assignee>> {
  const query = parsePersonQuery(typed);
  if (query.kind !== "email")
    return fail("INVALID_INPUT", "Check the highlighted fields.", {
      fieldErrors: { email: "Type the caller's whole e-mail address." },
    });
  const response = await fetch(`/api/users/${encodeURIComponent(query.email)}`, {
    headers: { Accept: "application/json" },
  });
  const answer = (await response.json()) as ActionResult<UserCardAnswer>;
  if (!answer.ok) return answer;
  if (!("user" in answer.data))
    return fail("INVALID_INPUT", "Check the highlighted fields.", {
      fieldErrors: { email: "RSA has no user with this e-mail address." },
    });
  return { ok: true, data: { userId: answer.data.user.id, email: query.email, name: answer.data.name } };
}

/**
 * Give an unassigned SID700 token to someone (a new hire): from the caller's
 * card (type the serial from the box) or from the token's card (type the
 * caller's e-mail). Afterwards the token waits in "Activation Pending".
 */
export function AssignDialog({
  assignee,
  serial,
  context,
}: {
  /** Known when assigning from the caller's card. */
  assignee?: Assignee;
  /** Known when assigning from the token's card. */
  serial?: string;
  context: DialogContext;
}) {
  const words = ACTION_WORDS.assign;
  return (
    <ChangeDialog
      title={dialogTitle("assign", {
        serial: serial ? groupSerial(serial) : undefined,
        person: assignee?.name ?? assignee?.email ?? "the caller",
      })}
      consequence={CONSEQUENCES.assign}
      say={SAY_TO_CALLER.assign}
      confirmLabel={words.label}
      pendingLabel={words.pending}
      draft={context.draft}
      resumeKey="assign"
      fields={(errors) => (
        <>
          {serial ? (
            <Field id="email" label="Caller's e-mail" error={errors.email}>
              <input
                id="email"
                name="email"
                type="email"
                required
                autoComplete="off"
                className={inputClass}
                {...describedBy("email", errors.email)}
              />
            </Field>
          ) : (
            <Field id="serial" label="Serial of the token to give (on the back of the token)" error={errors.serial}>
              <input
                id="serial"
                name="serial"
                inputMode="numeric"
                required
                autoComplete="off"
                className={`${inputClass} font-mono`}
                {...describedBy("serial", errors.serial)}
              />
            </Field>
          )}
          <Field id="tokenName" label="Token name (optional)" error={errors.tokenName}>
            <input
              id="tokenName"
              name="tokenName"
              maxLength={255}
              autoComplete="off"
              className={inputClass}
              {...describedBy("tokenName", errors.tokenName)}
            />
          </Field>
        </>
      )}
      submit={async (values) => {
        const who = assignee ? { ok: true as const, data: assignee } : await resolveCaller(values.email ?? "");
        if (!who.ok) return who;
        return assignTokenAction({
          ...values,
          serial: serial ?? values.serial ?? "",
          userId: who.data.userId,
          email: who.data.email,
          verificationId: context.verificationId,
        });
      }}
      onSuccess={(result, values) => {
        const data = result.data as { after: { userId: string | null } };
        context.onDone({
          action: "assign",
          subject: `${groupSerial(serial ?? (values.serial ?? "").replace(/\D/g, ""))} to ${assignee?.name ?? assignee?.email ?? values.email ?? "the caller"}`,
          ...draftFrom(values),
          at: new Date().toISOString(),
          now: data.after.userId ? "Now Activation Pending: it works once the user signs in with it." : undefined,
        });
      }}
      onRefused={context.onRefused}
      onClose={context.onClose}
      returnFocus={context.returnFocus}
    />
  );
}
