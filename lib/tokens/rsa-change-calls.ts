import "server-only";
import { getRsaClient } from "@/lib/rsa/client";
import {
  ds100Snapshot,
  sidSnapshot,
  type TokenAction,
  type TokenSnapshot,
  type TokenType,
} from "@/lib/tokens/token-actions";

/** A fresh read of the token's state straight from RSA (never from a cache). */
export async function readCurrentState(type: TokenType, serial: string): Promise<TokenSnapshot> {
  const rsa = getRsaClient();
  return type === "SID700"
    ? sidSnapshot(await rsa.lookupSidToken(serial))
    : ds100Snapshot(await rsa.lookupDs100(serial));
}

/** Makes the change in RSA and returns the state RSA reports afterwards. */
export async function callRsaChange(
  type: TokenType,
  action: TokenAction,
  serial: string,
  before: TokenSnapshot,
): Promise<TokenSnapshot> {
  const rsa = getRsaClient();
  const userId = before.userId!;
  if (type === "DS100") {
    const changes =
      action === "enable" ? await rsa.enableDs100(serial, userId) : await rsa.disableDs100(serial, userId);
    const enabled = changes.some((c) => c.tokenStatus === "Enabled");
    return { ...before, tokenStatus: enabled ? "Enabled" : "Disabled" };
  }
  switch (action) {
    case "enable":
      return { ...before, tokenStatus: (await rsa.enableSidToken(userId, serial)).tokenStatus };
    case "disable":
      return { ...before, tokenStatus: (await rsa.disableSidToken(userId, serial)).tokenStatus };
    case "unassign": {
      const result = await rsa.unassignSidToken(userId, serial);
      return { ...before, tokenState: result.tokenState, userId: null };
    }
  }
}
