"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { addUserAction, type AddedUser } from "@/lib/actions/add-user-action";
import { ROLE_LABELS, ROLES } from "@/lib/auth/permissions";
import { DialogButtons, DialogClose, DialogDescription, DialogFrame } from "@/components/admin/dialog-frame";
import { FailureMessage, useFocusFirstInvalid, type Failure } from "@/components/admin/failure-message";
import { FormField, ReasonField } from "@/components/admin/form-field";
import { OneTimeSecret } from "@/components/admin/one-time-secret";
import { ui } from "@/components/admin/ui";
import { ROLE_IN_SENTENCE } from "@/components/admin/user-action-text";

interface Props {
  /** False with single sign-on (or passwords off): the new user gets a sign-in link instead. */
  givesPassword: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** Name, e-mail and role; then, once, the new user's password or their sign-in link. */
export function AddUserDialog({ givesPassword, onClose, onDone }: Props) {
  const nameRef = useRef<HTMLInputElement>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, failure);
  const [added, setAdded] = useState<AddedUser | null>(null);
  const mutation = useMutation({
    mutationFn: addUserAction,
    gcTime: 0, // the answer carries a one-time password: keep it no longer than this dialog
    onSuccess: (result) => {
      if (!result.ok) return setFailure(result);
      setAdded(result.data);
      onDone(`${result.data.user.name} was added as ${ROLE_IN_SENTENCE[result.data.user.role]}.`);
    },
    onError: () =>
      setFailure({ message: "tokendesk could not be reached, so it is not known whether the user was added." }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const form = new FormData(event.currentTarget);
    setFailure(null);
    mutation.mutate({
      name: String(form.get("name") ?? ""),
      email: String(form.get("email") ?? ""),
      role: String(form.get("role") ?? ""),
      reason: String(form.get("reason") ?? ""),
    });
  }

  const errors = failure?.fieldErrors ?? {};
  // One dialog throughout (the result replaces the form inside it), so closing it returns the focus to "Add user".
  return (
    <DialogFrame
      title={added ? `${added.user.name} was added` : "Add a user"}
      busy={mutation.isPending}
      onClose={onClose}
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        nameRef.current?.focus();
      }}
    >
      {added ? (
        <AddedUserResult added={added} />
      ) : (
        <>
          <DialogDescription className="mt-2 text-slate-700">
            {givesPassword
              ? "tokendesk generates a password and shows it to you once, for you to give to the new user."
              : "The new user signs in with single sign-on; you get the sign-in link to send them."}
          </DialogDescription>
          <form ref={formRef} onSubmit={submit} className="mt-4 grid gap-1" noValidate>
            <FormField id="new-user-name" label="Name" error={errors.name}>
              <input
                ref={nameRef}
                id="new-user-name"
                name="name"
                maxLength={120}
                autoComplete="off"
                className={ui.input}
                aria-invalid={!!errors.name || undefined}
                aria-describedby="new-user-name-error"
              />
            </FormField>
            <FormField id="new-user-email" label="E-mail" error={errors.email}>
              <input
                id="new-user-email"
                name="email"
                type="email"
                maxLength={254}
                autoComplete="off"
                spellCheck={false}
                className={ui.input}
                aria-invalid={!!errors.email || undefined}
                aria-describedby="new-user-email-error"
              />
            </FormField>
            <FormField id="new-user-role" label="Role" error={errors.role}>
              <select
                id="new-user-role"
                name="role"
                defaultValue="AGENT"
                className={ui.input}
                aria-invalid={!!errors.role || undefined}
                aria-describedby="new-user-role-error"
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            </FormField>
            <ReasonField id="new-user-reason" error={errors.reason} />
            <FailureMessage failure={failure} />
            <DialogButtons busy={mutation.isPending} label="Add user" busyLabel="Adding…" />
          </form>
        </>
      )}
    </DialogFrame>
  );
}

function AddedUserResult({ added }: { added: AddedUser }) {
  const { user } = added;
  return (
    <>
      <DialogDescription className="mt-2 text-slate-700">
        {added.password
          ? `${user.name} (${user.email}) is ${ROLE_IN_SENTENCE[user.role]}. Give them this password in person or by phone. It is shown only this once; tokendesk does not keep it.`
          : `${user.name} (${user.email}) is ${ROLE_IN_SENTENCE[user.role]} and signs in with single sign-on. Send them this sign-in link; no password was set.`}
      </DialogDescription>
      {added.password ? (
        <OneTimeSecret label="One-time password" value={added.password} testId="one-time-password" />
      ) : (
        added.signInUrl && <OneTimeSecret label="Sign-in link" value={added.signInUrl} testId="sign-in-link" />
      )}
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
