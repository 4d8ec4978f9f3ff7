"use client";

import { changeTokenAction } from "@/lib/actions/change-token-action";
import { ACTION_WORDS, CONSEQUENCES, dialogTitle } from "@/lib/desk/desk-actions";
import { groupSerial } from "@/lib/tokens/serial";
import {
  allowedActions,
  expectedAfter,
  type TokenAction,
  type TokenSnapshot,
  type TokenType,
} from "@/lib/tokens/token-actions";
import { ChangeDialog } from "@/components/desk/dialog/change-dialog";
import { Field, describedBy, inputClass } from "@/components/desk/dialog/field";
import { draftFrom, type DialogContext } from "@/components/desk/dialog/dialog-context";
import { snapshotWords } from "@/components/desk/dialog/snapshot-words";

/** Enable, disable or unassign a token: "Enabled → Disabled", what it means, ticket and reason. */
export function StatusChangeDialog({
  action,
  serial,
  tokenType,
  before,
  owner,
  context,
}: {
  action: TokenAction;
  serial: string;
  tokenType: TokenType;
  before: TokenSnapshot;
  owner: string | null;
  context: DialogContext;
}) {
  const after = expectedAfter(action, before);
  const aspect = action === "unassign" ? "state" : "status";
  const words = ACTION_WORDS[action];
  return (
    <ChangeDialog
      title={dialogTitle(action, { serial: groupSerial(serial), owner })}
      summary={
        <p className="text-lg" data-testid="state-change">
          <span className="font-semibold">{snapshotWords(before, aspect)}</span> →{" "}
          <span className="font-semibold">{snapshotWords(after, aspect)}</span>
        </p>
      }
      consequence={CONSEQUENCES[action].replace("token", tokenType === "DS100" ? "authenticator" : "token")}
      confirmLabel={words.label}
      pendingLabel={words.pending}
      draft={context.draft}
      resumeKey={action}
      fields={(errors) =>
        action === "unassign" ? (
          <Field
            id="confirmDigits"
            label={`Type the last four digits of the serial (${serial.slice(-4)}) to confirm`}
            error={errors.confirmDigits}
          >
            <input
              id="confirmDigits"
              name="confirmDigits"
              inputMode="numeric"
              pattern={serial.slice(-4)}
              maxLength={4}
              required
              autoComplete="off"
              className={`${inputClass} font-mono`}
              {...describedBy("confirmDigits", errors.confirmDigits)}
            />
          </Field>
        ) : null
      }
      submit={(values) =>
        changeTokenAction({
          ...values,
          serial,
          tokenType,
          action,
          expected: before,
          verificationId: context.verificationId,
        })
      }
      onSuccess={(result, values) => {
        const data = result.data as { after: TokenSnapshot; confirmedByReread?: boolean };
        context.onDone({
          action,
          subject: groupSerial(serial),
          ...draftFrom(values),
          at: new Date().toISOString(),
          now: `Now ${snapshotWords(data.after, "status")}, ${snapshotWords(data.after, "state")}.`,
          confirmedByReread: data.confirmedByReread,
        });
      }}
      onRefused={context.onRefused}
      alternatives={(failure) => {
        if (failure.code !== "STATE_CHANGED") return null;
        const current = (failure.details?.current ?? null) as TokenSnapshot | null;
        if (!current) return null;
        const possible = allowedActions(tokenType, current);
        return (
          <div className="rounded-md border border-slate-300 bg-slate-50 p-3" data-testid="state-now">
            <p>
              The token is now <span className="font-semibold">{snapshotWords(current, "status")}</span> and{" "}
              <span className="font-semibold">{snapshotWords(current, "state")}</span>.{" "}
              {possible.length === 0 ? "No change is possible in this state." : "You can still:"}
            </p>
            {possible.length > 0 && context.switchTo && (
              <div className="mt-2 flex gap-2">
                {possible.map((next) => (
                  <button
                    key={next}
                    type="button"
                    onClick={() => context.switchTo?.(next)}
                    className="rounded-md border border-slate-500 bg-white px-3 py-1.5 font-semibold"
                  >
                    {ACTION_WORDS[next].label}
                  </button>
                ))}
              </div>
            )}
          </div>
        );
      }}
      onClose={context.onClose}
      returnFocus={context.returnFocus}
    />
  );
}
