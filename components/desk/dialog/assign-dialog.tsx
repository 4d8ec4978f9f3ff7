"use client";

import { assignTokenAction } from "@/lib/actions/assign-token-action";
import { ACTION_WORDS, CONSEQUENCES, SAY_TO_CALLER, dialogTitle } from "@/lib/desk/desk-actions";
import { groupSerial } from "@/lib/tokens/serial";
import { ChangeDialog } from "@/components/desk/dialog/change-dialog";
import { Field, describedBy, inputClass } from "@/components/desk/dialog/field";
import { draftFrom, type DialogContext } from "@/components/desk/dialog/dialog-context";
import { findCallerByEmail, type FoundCaller } from "@/components/desk/dialog/find-caller";

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
  assignee?: FoundCaller;
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
        const who = assignee ? { ok: true as const, data: assignee } : await findCallerByEmail(values.email ?? "");
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
