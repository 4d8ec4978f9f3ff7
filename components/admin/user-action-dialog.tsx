"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action-result";
import { changeUserRoleAction } from "@/lib/actions/change-user-role-action";
import { disableUserAction } from "@/lib/actions/disable-user-action";
import { enableUserAction } from "@/lib/actions/enable-user-action";
import { endUserSessionsAction } from "@/lib/actions/end-user-sessions-action";
import { resetUserPasswordAction } from "@/lib/actions/reset-user-password-action";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/permissions";
import type { AdminUserRow } from "@/lib/admin/types";
import { DialogButtons, DialogClose, DialogDescription, DialogFrame } from "@/components/admin/dialog-frame";
import { FailureMessage, useFocusFirstInvalid, type Failure } from "@/components/admin/failure-message";
import { FormField, ReasonField } from "@/components/admin/form-field";
import { OneTimeSecret } from "@/components/admin/one-time-secret";
import { ui } from "@/components/admin/ui";
import {
  actionText,
  doneText,
  SELF_WARNING,
  selfSignsOut,
  type UserActionKind,
} from "@/components/admin/user-action-text";

type Done = ActionResult<{ user: AdminUserRow; ended?: number; password?: string }>;

function run(kind: UserActionKind, input: { email: string; reason: string; role?: string }): Promise<Done> {
  switch (kind) {
    case "role":
      return changeUserRoleAction(input);
    case "disable":
      return disableUserAction(input);
    case "enable":
      return enableUserAction(input);
    case "reset-password":
      return resetUserPasswordAction(input);
    case "end-sessions":
      return endUserSessionsAction(input);
  }
}

interface Props {
  kind: UserActionKind;
  user: AdminUserRow;
  isSelf: boolean;
  onClose: () => void;
  /** The change is made: the sentence to announce. */
  onDone: (message: string) => void;
}

/** Confirms one change to a user, naming them; refusals stay in the dialog as sentences. */
export function UserActionDialog({ kind, user, isSelf, onClose, onDone }: Props) {
  const text = actionText(kind, user);
  const roleRef = useRef<HTMLSelectElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, failure);
  const [password, setPassword] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (input: { email: string; reason: string; role?: string }) => run(kind, input),
    gcTime: 0, // a reset's answer carries a one-time password: keep it no longer than this dialog
    onSuccess: (result) => {
      if (!result.ok) return setFailure(result);
      const message = doneText(kind, result.data.user, { ended: result.data.ended });
      if (result.data.password) {
        setPassword(result.data.password);
        onDone(message); // announced, while the dialog stays to show the password once
        return;
      }
      onDone(message);
      onClose();
    },
    onError: () =>
      setFailure({
        message: "tokendesk could not be reached, so it is not known whether the change was made. Reload the page.",
      }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const form = new FormData(event.currentTarget);
    const role = kind === "role" ? String(form.get("role") ?? "") : undefined;
    if (kind === "role" && !role)
      return setFailure({ message: "Choose the new role.", fieldErrors: { role: "Choose the new role." } });
    setFailure(null);
    mutation.mutate({ email: user.email, reason: String(form.get("reason") ?? ""), role });
  }

  return (
    // One dialog throughout (the new password replaces the form inside it), so the focus returns to the row's button.
    <DialogFrame
      title={password ? `New password for ${user.name}` : text.title}
      busy={mutation.isPending}
      onClose={onClose}
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        (kind === "role" ? roleRef : reasonRef).current?.focus();
      }}
    >
      {password ? (
        <NewPassword name={user.name} password={password} />
      ) : (
        <>
          <DialogDescription asChild>
            <div className="mt-2 text-slate-700">
              <p className="font-medium text-slate-900">
                {user.name} <span className="font-normal text-slate-700">({user.email})</span>
              </p>
              <p className="mt-1">{text.consequence}</p>
              {isSelf && selfSignsOut(kind) && <p className="mt-1 font-semibold text-red-800">{SELF_WARNING}</p>}
            </div>
          </DialogDescription>
          <form ref={formRef} onSubmit={submit} className="mt-4 grid gap-1" noValidate>
            {kind === "role" && (
              <FormField id="user-new-role" label="New role" error={failure?.fieldErrors?.role}>
                <select
                  ref={roleRef}
                  id="user-new-role"
                  name="role"
                  defaultValue=""
                  className={ui.input}
                  aria-invalid={!!failure?.fieldErrors?.role || undefined}
                  aria-describedby="user-new-role-error"
                >
                  <option value="" disabled>
                    Choose a role…
                  </option>
                  {ROLES.filter((role: Role) => role !== user.role).map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
              </FormField>
            )}
            <ReasonField id="user-action-reason" inputRef={reasonRef} error={failure?.fieldErrors?.reason} />
            <FailureMessage failure={failure} />
            <DialogButtons
              busy={mutation.isPending}
              label={text.confirm}
              busyLabel={text.busy}
              destructive={text.destructive}
            />
          </form>
        </>
      )}
    </DialogFrame>
  );
}

function NewPassword({ name, password }: { name: string; password: string }) {
  return (
    <>
      <DialogDescription className="mt-2 text-slate-700">
        Give it to {name} in person or by phone. It is shown only this once; tokendesk does not keep it.
      </DialogDescription>
      <OneTimeSecret label="New password" value={password} testId="one-time-password" />
      <div className="mt-5 flex justify-end">
        <DialogClose asChild>
          <button type="button" className={ui.primaryButton}>
            Done
          </button>
        </DialogClose>
      </div>
    </>
  );
}
