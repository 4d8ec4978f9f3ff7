"use client";

import type { DeskAction } from "@/lib/desk/desk-actions";
import type { UserCard } from "@/lib/people/user-card";
import { sidSnapshot, type TokenAction } from "@/lib/tokens/token-actions";
import type { DetailsDraft } from "@/components/desk/dialog/change-details-fields";
import type { Confirmation, DialogContext } from "@/components/desk/dialog/dialog-context";
import { AssignDialog } from "@/components/desk/dialog/assign-dialog";
import { ClearPinDialog } from "@/components/desk/dialog/clear-pin-dialog";
import { CancelCodeDialog, IssueCodeDialog } from "@/components/desk/dialog/emergency-code-dialogs";
import { RenameDialog } from "@/components/desk/dialog/rename-dialog";
import { StatusChangeDialog } from "@/components/desk/dialog/status-change-dialog";
import type { CardTarget } from "@/components/desk/user-authenticators";

type Person = { userId: string; email: string; name: string | null };

/** The dialog for an action on the caller's card: about the caller, or about one of their authenticators. */
export function UserDialogs({
  open,
  card,
  person,
  ticket,
  verificationId,
  onClose,
  onDone,
  onRefused,
  returnFocus,
  switchTo,
}: {
  open: { action: DeskAction; target: CardTarget | null };
  card: UserCard;
  person: Person;
  ticket: DetailsDraft;
  verificationId?: string;
  onClose: () => void;
  onDone: (confirmation: Confirmation, extra?: { reveal?: Record<string, string> }) => void;
  onRefused: () => void;
  returnFocus: () => void;
  switchTo: (action: DeskAction) => void;
}) {
  const context: DialogContext = { draft: ticket, verificationId, onDone, onRefused, onClose, returnFocus, switchTo };
  const { action, target } = open;
  const owner = person.name ?? person.email;
  switch (action) {
    case "assign":
      return <AssignDialog assignee={person} context={context} />;
    case "issue-code":
      return <IssueCodeDialog person={person} context={context} />;
    case "cancel-code":
      return card.issuedCode ? <CancelCodeDialog person={person} code={card.issuedCode} context={context} /> : null;
  }
  if (!target) return null;
  if (action === "enable" || action === "disable" || action === "unassign") {
    const serial = target.kind === "SID700" ? target.token.tokenSerialNumber : target.group.deviceSerial;
    const before = target.kind === "SID700" ? sidSnapshot(target.token) : target.snapshot;
    return (
      <StatusChangeDialog
        key={action}
        action={action as TokenAction}
        serial={serial}
        tokenType={target.kind}
        before={before}
        owner={owner}
        context={context}
      />
    );
  }
  if (action === "clear-pin")
    return target.kind === "SID700" ? (
      <ClearPinDialog
        tokenType="SID700"
        serial={target.token.tokenSerialNumber}
        ownerId={person.userId}
        owner={owner}
        context={context}
      />
    ) : (
      <ClearPinDialog
        tokenType="DS100"
        serial={target.group.deviceSerial}
        credentials={target.group.credentials.map((c) => c.tokenSerialNumber).filter((s): s is string => !!s)}
        ownerId={person.userId}
        owner={owner}
        context={context}
      />
    );
  if (action === "rename" && target.kind === "SID700")
    return (
      <RenameDialog
        serial={target.token.tokenSerialNumber}
        currentName={target.token.name}
        ownerId={person.userId}
        owner={owner}
        context={context}
      />
    );
  return null;
}
