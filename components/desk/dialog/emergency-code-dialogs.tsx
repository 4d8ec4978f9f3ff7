"use client";

import { cancelEmergencyCodeAction } from "@/lib/actions/cancel-emergency-code-action";
import { issueEmergencyCodeAction } from "@/lib/actions/issue-emergency-code-action";
import { ACTION_WORDS, CONSEQUENCES, SAY_TO_CALLER, dialogTitle } from "@/lib/desk/desk-actions";
import { DEFAULT_EMERGENCY_DURATION } from "@/lib/people/emergency-duration";
import type { IssuedCode } from "@/lib/people/issued-codes";
import { ChangeDialog } from "@/components/desk/dialog/change-dialog";
import { Field, describedBy, inputClass } from "@/components/desk/dialog/field";
import { draftFrom, type DialogContext } from "@/components/desk/dialog/dialog-context";
import { LocalTime } from "@/components/local-time";

type Person = { userId: string; email: string; name: string | null };

/** Issue an emergency access code: how long it works (1 minute to 7 days) and whether it works once. */
export function IssueCodeDialog({ person, context }: { person: Person; context: DialogContext }) {
  const words = ACTION_WORDS["issue-code"];
  const d = DEFAULT_EMERGENCY_DURATION;
  return (
    <ChangeDialog
      title={dialogTitle("issue-code", { person: person.name ?? person.email })}
      consequence={CONSEQUENCES["issue-code"]}
      say={SAY_TO_CALLER["issue-code"]}
      confirmLabel={words.label}
      pendingLabel={words.pending}
      draft={context.draft}
      resumeKey="issue-code"
      fields={(errors) => (
        <fieldset className="grid grid-cols-[8rem_10rem_1fr] items-start gap-3">
          <legend className="mb-1 text-sm font-semibold">How long it works (1 minute to 7 days)</legend>
          <Field id="expiryValue" label="Number" error={errors.expiryValue}>
            <input
              id="expiryValue"
              name="expiryValue"
              type="number"
              min={1}
              max={10080}
              required
              defaultValue={d.expiryValue}
              className={inputClass}
              {...describedBy("expiryValue", errors.expiryValue)}
            />
          </Field>
          <Field id="expiryUnit" label="Unit" error={errors.expiryUnit}>
            <select
              id="expiryUnit"
              name="expiryUnit"
              defaultValue={d.expiryUnit}
              className={inputClass}
              {...describedBy("expiryUnit", errors.expiryUnit)}
            >
              <option value="minutes">minutes</option>
              <option value="hours">hours</option>
              <option value="days">days</option>
            </select>
          </Field>
          <label className="mt-7 flex items-center gap-2 text-sm font-semibold">
            <input type="checkbox" name="oneTimeUse" defaultChecked={d.oneTimeUse} className="h-5 w-5" />
            Works only once
          </label>
        </fieldset>
      )}
      submit={(values) =>
        issueEmergencyCodeAction({
          ticket: values.ticket,
          reason: values.reason,
          note: values.note,
          userId: person.userId,
          email: person.email,
          expiryValue: values.expiryValue,
          expiryUnit: values.expiryUnit,
          oneTimeUse: values.oneTimeUse === "on",
          verificationId: context.verificationId,
        })
      }
      onSuccess={(result, values) => {
        const data = result.data as { reveal?: Record<string, string> };
        context.onDone(
          {
            action: "issue-code",
            subject: person.name ?? person.email,
            ...draftFrom(values),
            at: new Date().toISOString(),
          },
          { reveal: data.reveal },
        );
      }}
      onRefused={context.onRefused}
      onClose={context.onClose}
      returnFocus={context.returnFocus}
    />
  );
}

/** Cancel the code tokendesk issued (the token turned up again). */
export function CancelCodeDialog({
  person,
  code,
  context,
}: {
  person: Person;
  code: IssuedCode;
  context: DialogContext;
}) {
  const words = ACTION_WORDS["cancel-code"];
  return (
    <ChangeDialog
      title={dialogTitle("cancel-code", { person: person.name ?? person.email })}
      summary={
        <p>
          Issued <LocalTime iso={code.issuedAt} />
          {code.issuedBy ? ` by ${code.issuedBy}` : ""}
          {code.expiresAt && (
            <>
              ; it would work until <LocalTime iso={code.expiresAt} />
            </>
          )}
          .
        </p>
      }
      consequence={CONSEQUENCES["cancel-code"]}
      say={SAY_TO_CALLER["cancel-code"]}
      confirmLabel={words.label}
      pendingLabel={words.pending}
      draft={context.draft}
      resumeKey="cancel-code"
      submit={(values) =>
        cancelEmergencyCodeAction({
          ...values,
          userId: person.userId,
          email: person.email,
          codeId: code.codeId,
          verificationId: context.verificationId,
        })
      }
      onSuccess={(_result, values) =>
        context.onDone({
          action: "cancel-code",
          subject: person.name ?? person.email,
          ...draftFrom(values),
          at: new Date().toISOString(),
        })
      }
      onRefused={context.onRefused}
      onClose={context.onClose}
      returnFocus={context.returnFocus}
    />
  );
}
