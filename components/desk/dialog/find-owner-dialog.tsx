"use client";

import { fail, ok, type ActionResult } from "@/lib/action-result";
import { ACTION_WORDS, CONSEQUENCES, dialogTitle } from "@/lib/desk/desk-actions";
import { groupSerial } from "@/lib/tokens/serial";
import { ChangeDialog } from "@/components/desk/dialog/change-dialog";
import { Field, describedBy, inputClass } from "@/components/desk/dialog/field";
import type { DialogContext } from "@/components/desk/dialog/dialog-context";
import { findCallerByEmail } from "@/components/desk/dialog/find-caller";

/**
 * "Who owns this token?" RSA names the owner only by id and has no call that
 * reads a user by id: the agent types the e-mail the caller gives, and
 * tokendesk checks that it leads to this very id (and remembers the name).
 */
export function FindOwnerDialog({
  serial,
  ownerId,
  context,
}: {
  serial: string;
  ownerId: string;
  context: DialogContext;
}) {
  const words = ACTION_WORDS["find-owner"];
  return (
    <ChangeDialog
      title={dialogTitle("find-owner", { serial: groupSerial(serial) })}
      consequence={CONSEQUENCES["find-owner"]}
      confirmLabel="Check"
      pendingLabel={words.pending}
      draft={context.draft}
      resumeKey="find-owner"
      withoutDetails
      fields={(errors) => (
        <Field id="email" label="The caller's e-mail" error={errors.email}>
          <input
            id="email"
            name="email"
            required
            autoComplete="off"
            className={inputClass}
            {...describedBy("email", errors.email)}
          />
        </Field>
      )}
      submit={async (values): Promise<ActionResult<{ name: string | null; email: string }>> => {
        const found = await findCallerByEmail(values.email ?? "");
        if (!found.ok) return found;
        if (found.data.userId !== ownerId)
          return fail(
            "NOT_ALLOWED",
            "This e-mail belongs to someone else: this token is not theirs. Check the serial and the e-mail with the caller.",
          );
        return ok({ name: found.data.name, email: found.data.email });
      }}
      onSuccess={(result) => {
        const owner = result.data as { name: string | null; email: string };
        context.onDone({
          action: "find-owner",
          subject: groupSerial(serial),
          ticket: null,
          reason: null,
          at: new Date().toISOString(),
          now: `It belongs to ${owner.name ?? owner.email} (${owner.email}).`,
        });
      }}
      onClose={context.onClose}
      onRefused={() => {}}
      returnFocus={context.returnFocus}
    />
  );
}
