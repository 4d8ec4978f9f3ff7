"use client";

import { renameTokenAction } from "@/lib/actions/rename-token-action";
import { ACTION_WORDS, CONSEQUENCES, dialogTitle } from "@/lib/desk/desk-actions";
import { groupSerial } from "@/lib/tokens/serial";
import { ChangeDialog } from "@/components/desk/dialog/change-dialog";
import { Field, describedBy, inputClass } from "@/components/desk/dialog/field";
import { draftFrom, type DialogContext } from "@/components/desk/dialog/dialog-context";

/** Give a token a name its owner recognises ("Backup token"). */
export function RenameDialog({
  serial,
  currentName,
  ownerId,
  owner,
  context,
}: {
  serial: string;
  currentName: string | null;
  ownerId: string;
  owner: string | null;
  context: DialogContext;
}) {
  const words = ACTION_WORDS.rename;
  return (
    <ChangeDialog
      title={dialogTitle("rename", { serial: groupSerial(serial), owner })}
      summary={<p>Now called: {currentName ? <span className="font-semibold">{currentName}</span> : "no name"}.</p>}
      consequence={CONSEQUENCES.rename}
      confirmLabel={words.label}
      pendingLabel={words.pending}
      draft={context.draft}
      resumeKey="rename"
      fields={(errors) => (
        <Field id="newName" label="New name" error={errors.newName}>
          <input
            id="newName"
            name="newName"
            required
            maxLength={255}
            defaultValue={currentName ?? ""}
            autoComplete="off"
            className={inputClass}
            {...describedBy("newName", errors.newName)}
          />
        </Field>
      )}
      submit={(values) =>
        renameTokenAction({ ...values, serial, expectedUserId: ownerId, verificationId: context.verificationId })
      }
      onSuccess={(_result, values) =>
        context.onDone({
          action: "rename",
          subject: groupSerial(serial),
          ...draftFrom(values),
          at: new Date().toISOString(),
          now: `Now called ${values.newName}.`,
        })
      }
      onRefused={context.onRefused}
      onClose={context.onClose}
      returnFocus={context.returnFocus}
    />
  );
}
