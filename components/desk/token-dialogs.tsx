"use client";

import type { DeskAction } from "@/lib/desk/desk-actions";
import type { LookupResult } from "@/lib/tokens/lookup-token";
import { ds100Snapshot, sidSnapshot, type TokenAction } from "@/lib/tokens/token-actions";
import type { DetailsDraft } from "@/components/desk/dialog/change-details-fields";
import type { Confirmation, DialogContext } from "@/components/desk/dialog/dialog-context";
import { AssignDialog } from "@/components/desk/dialog/assign-dialog";
import { ClearPinDialog } from "@/components/desk/dialog/clear-pin-dialog";
import { IssueCodeDialog } from "@/components/desk/dialog/emergency-code-dialogs";
import { FindOwnerDialog } from "@/components/desk/dialog/find-owner-dialog";
import { RenameDialog } from "@/components/desk/dialog/rename-dialog";
import { StatusChangeDialog } from "@/components/desk/dialog/status-change-dialog";

type Found = Extract<LookupResult, { found: true }>;

const STATUS_ACTIONS: readonly DeskAction[] = ["enable", "disable", "unassign"];

/** The dialog for an action on the token on screen. */
export function TokenDialogs({
  action,
  found,
  ticket,
  onClose,
  onDone,
  onRefused,
  returnFocus,
  switchTo,
}: {
  action: DeskAction;
  found: Found;
  ticket: DetailsDraft;
  onClose: () => void;
  onDone: (confirmation: Confirmation, extra?: { reveal?: Record<string, string> }) => void;
  onRefused: () => void;
  returnFocus: () => void;
  switchTo: (action: DeskAction) => void;
}) {
  const snapshot = found.kind === "SID700" ? sidSnapshot(found.token) : ds100Snapshot(found.credentials);
  const owner = found.owner?.name ?? found.owner?.email ?? null;
  const context: DialogContext = { draft: ticket, onDone, onRefused, onClose, returnFocus, switchTo };
  // key: a switch to another action starts its dialog afresh (with the same ticket).
  if (STATUS_ACTIONS.includes(action))
    return (
      <StatusChangeDialog
        key={action}
        action={action as TokenAction}
        serial={found.serial}
        tokenType={found.kind}
        before={snapshot}
        owner={owner}
        context={context}
      />
    );
  switch (action) {
    case "clear-pin":
      return (
        <ClearPinDialog
          tokenType={found.kind}
          serial={found.serial}
          credentials={found.kind === "DS100" ? found.credentials.map((c) => c.tokenSerialNumber) : undefined}
          ownerId={snapshot.userId!}
          owner={owner}
          context={context}
        />
      );
    case "rename":
      return found.kind === "SID700" ? (
        <RenameDialog
          serial={found.serial}
          currentName={found.token.name}
          ownerId={snapshot.userId!}
          owner={owner}
          context={context}
        />
      ) : null;
    case "assign":
      return <AssignDialog serial={found.serial} context={context} />;
    case "find-owner":
      return <FindOwnerDialog serial={found.serial} ownerId={snapshot.userId!} context={context} />;
    case "issue-code":
      return found.owner?.email && snapshot.userId ? (
        <IssueCodeDialog
          person={{ userId: snapshot.userId, email: found.owner.email, name: found.owner.name }}
          context={context}
        />
      ) : null;
    default:
      return null;
  }
}
