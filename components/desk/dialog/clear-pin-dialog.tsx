"use client";

import { clearPinAction } from "@/lib/actions/clear-pin-action";
import { ACTION_WORDS, CONSEQUENCES, SAY_TO_CALLER, dialogTitle } from "@/lib/desk/desk-actions";
import { groupSerial } from "@/lib/tokens/serial";
import { ChangeDialog } from "@/components/desk/dialog/change-dialog";
import { Field, describedBy, inputClass } from "@/components/desk/dialog/field";
import { draftFrom, type DialogContext } from "@/components/desk/dialog/dialog-context";

/** Clear a forgotten PIN; the dialog says what to tell the caller. A DS100 asks which credential. */
export function ClearPinDialog({
  tokenType,
  serial,
  credentials,
  ownerId,
  owner,
  context,
}: {
  tokenType: "SID700" | "DS100";
  /** The SID700 serial or the DS100's device serial. */
  serial: string;
  /** DS100 only: its credential serials (a PIN belongs to one credential). */
  credentials?: string[];
  ownerId: string;
  owner: string | null;
  context: DialogContext;
}) {
  const words = ACTION_WORDS["clear-pin"];
  const several = (credentials?.length ?? 0) > 1;
  return (
    <ChangeDialog
      title={dialogTitle("clear-pin", { serial: groupSerial(serial), owner })}
      consequence={CONSEQUENCES["clear-pin"]}
      say={SAY_TO_CALLER["clear-pin"]}
      confirmLabel={words.label}
      pendingLabel={words.pending}
      draft={context.draft}
      resumeKey="clear-pin"
      fields={(errors) =>
        several ? (
          <Field id="credentialSerial" label="Which credential" error={errors.credentialSerial}>
            <select
              id="credentialSerial"
              name="credentialSerial"
              required
              className={`${inputClass} font-mono`}
              {...describedBy("credentialSerial", errors.credentialSerial)}
            >
              {credentials!.map((c) => (
                <option key={c} value={c}>
                  {groupSerial(c)}
                </option>
              ))}
            </select>
          </Field>
        ) : null
      }
      submit={(values) =>
        clearPinAction({
          ...values,
          tokenType,
          serial,
          credentialSerial: tokenType === "DS100" ? (values.credentialSerial ?? credentials?.[0] ?? null) : null,
          expectedUserId: ownerId,
          verificationId: context.verificationId,
        })
      }
      onSuccess={(_result, values) =>
        context.onDone({
          action: "clear-pin",
          subject: groupSerial(values.credentialSerial ?? serial),
          ...draftFrom(values),
          at: new Date().toISOString(),
          now: SAY_TO_CALLER["clear-pin"],
        })
      }
      onRefused={context.onRefused}
      onClose={context.onClose}
      returnFocus={context.returnFocus}
    />
  );
}
