/**
 * Which changes make sense in which state, and what they lead to. Pure and
 * browser-safe: the desk offers exactly these, and the server re-checks them
 * against a fresh read before acting.
 */
import type { Ds100Credential, SidToken, TokenState, TokenStatus } from "@/lib/rsa/types";

export const TOKEN_ACTIONS = ["enable", "disable", "unassign"] as const;
export type TokenAction = (typeof TOKEN_ACTIONS)[number];
export type TokenType = "SID700" | "DS100";

export const ACTION_LABELS: Record<TokenAction, string> = {
  enable: "Enable",
  disable: "Disable",
  unassign: "Unassign",
};
export const ACTION_SHORTCUTS: Record<TokenAction, string> = { enable: "e", disable: "d", unassign: "u" };

/**
 * What the agent saw and is acting on; the server compares it with a fresh
 * read. A null status or state is a value RSA sent that tokendesk does not
 * know: nothing is offered on such a token (see noActionReason).
 */
export interface TokenSnapshot {
  tokenStatus: TokenStatus | null;
  tokenState: TokenState | null;
  userId: string | null;
}

export function sidSnapshot(token: SidToken): TokenSnapshot {
  return { tokenStatus: token.tokenStatus, tokenState: token.tokenState, userId: token.userId };
}

/**
 * A DS100 device acts as one: enabled if any credential is, owned by its
 * credentials' user. One credential with a status or state tokendesk does not
 * know makes the device's unknown too (enable/disable acts on all of them).
 */
export function ds100Snapshot(credentials: Ds100Credential[]): TokenSnapshot {
  const enabled = credentials.some((c) => c.tokenStatus === "Enabled");
  const owner = credentials.find((c) => c.userId)?.userId ?? null;
  const activated = credentials.some((c) => c.tokenState === "Activated");
  const unknownStatus = credentials.some((c) => c.tokenStatus === null);
  const unknownState = credentials.some((c) => c.tokenState === null);
  return {
    tokenStatus: unknownStatus ? null : enabled ? "Enabled" : "Disabled",
    tokenState: unknownState ? null : activated ? "Activated" : (credentials[0]?.tokenState ?? "Unassigned"),
    userId: owner,
  };
}

export function isAssigned(snapshot: TokenSnapshot): boolean {
  return snapshot.tokenState !== null && snapshot.tokenState !== "Unassigned" && snapshot.userId !== null;
}

/** Whether tokendesk knows both the status and the state RSA reported (it acts only then). */
export function isKnown(snapshot: TokenSnapshot): snapshot is TokenSnapshot & {
  tokenStatus: TokenStatus;
  tokenState: TokenState;
} {
  return snapshot.tokenStatus !== null && snapshot.tokenState !== null;
}

export function allowedActions(type: TokenType, snapshot: TokenSnapshot): TokenAction[] {
  if (!isKnown(snapshot) || !isAssigned(snapshot)) return [];
  const actions: TokenAction[] = [snapshot.tokenStatus === "Enabled" ? "disable" : "enable"];
  // RSA has no DS100 unassign: users register DS100 credentials themselves.
  if (type === "SID700") actions.push("unassign");
  return actions;
}

export function expectedAfter(action: TokenAction, before: TokenSnapshot): TokenSnapshot {
  switch (action) {
    case "enable":
      return { ...before, tokenStatus: "Enabled" };
    case "disable":
      return { ...before, tokenStatus: "Disabled" };
    case "unassign":
      return { ...before, tokenState: "Unassigned", userId: null };
  }
}

/** One sentence on what the change means for the token's owner. */
export function consequence(action: TokenAction, type: TokenType): string {
  const device = type === "DS100" ? "authenticator" : "token";
  switch (action) {
    case "enable":
      return `The owner can sign in with this ${device} again.`;
    case "disable":
      return `The owner cannot sign in with this ${device} until it is enabled again. It stays assigned to them.`;
    case "unassign":
      return "The token is taken away from its owner; they can no longer use it, and it can be assigned to someone else.";
  }
}

/**
 * Why a token offers no action, in one sentence for the agent; null when it
 * offers some. An unknown status or state offers none: tokendesk cannot say
 * what enabling, disabling or unassigning would do to it.
 */
export function noActionReason(type: TokenType, snapshot: TokenSnapshot): string | null {
  if (allowedActions(type, snapshot).length > 0) return null;
  const device = type === "DS100" ? "authenticator" : "token";
  if (snapshot.tokenStatus === null && snapshot.tokenState === null)
    return `RSA reports a status and a state tokendesk does not know, so tokendesk offers no change to this ${device}. Check it in the RSA Cloud Administration Console.`;
  if (snapshot.tokenStatus === null)
    return `RSA reports a status tokendesk does not know, so tokendesk offers no change to this ${device}. Check it in the RSA Cloud Administration Console.`;
  if (snapshot.tokenState === null)
    return `RSA reports a state tokendesk does not know, so tokendesk offers no change to this ${device}. Check it in the RSA Cloud Administration Console.`;
  if (!isAssigned(snapshot))
    return type === "DS100"
      ? "This authenticator is not registered to anyone, so it cannot be enabled or disabled."
      : "This token is not assigned to anyone, so it cannot be enabled, disabled or unassigned.";
  return `No change is possible for this ${device} in its current state.`;
}

export function sameSnapshot(a: TokenSnapshot, b: TokenSnapshot): boolean {
  return a.tokenStatus === b.tokenStatus && a.tokenState === b.tokenState && a.userId === b.userId;
}
