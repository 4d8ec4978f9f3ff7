import "server-only";
import { z } from "zod";
import { getRsaClient } from "@/lib/rsa/client";
import { parsedOrNull, type ChangeDefinition } from "@/lib/tokens/change-definition";

/** Rename a SID700 token (call 17): "Backup token", "Travel token"… so owner and agent tell them apart. */
export interface RenameInput {
  serial: string;
  expectedUserId: string;
  newName: string;
}

export interface NameState {
  userId: string | null;
  name: string | null;
}

const inputSchema = z.object({
  serial: z.string().min(1).max(36),
  expectedUserId: z.string().min(1).max(64),
  newName: z.string().min(1).max(255),
});
const stateSchema = z.object({ userId: z.string().nullable(), name: z.string().nullable() });

export const renameChange: ChangeDefinition<RenameInput, NameState> = {
  action: "RENAME",
  lockKey: (input) => `token:${input.serial}`,
  target: (input, before) => ({
    serial: input.serial,
    tokenType: "SID700",
    rsaUserId: before?.userId ?? input.expectedUserId,
  }),
  recordedInput: (input) => ({ ...input }),
  parseRecordedInput: parsedOrNull(inputSchema),
  parseState: parsedOrNull(stateSchema),
  async read(input) {
    const token = await getRsaClient().lookupSidToken(input.serial);
    return { userId: token.userId, name: token.name };
  },
  refusal(input, before) {
    if (before.userId !== input.expectedUserId) {
      return {
        code: "STATE_CHANGED",
        message: "This token is not assigned to the user you saw any more. Nothing was done; search again.",
        details: { current: before },
      };
    }
    if (before.name === input.newName)
      return { code: "NOT_ALLOWED", message: "The token already has this name. Nothing was done." };
    return null;
  },
  async send(input, before) {
    const result = await getRsaClient().renameSidToken(before.userId!, input.serial, input.newName);
    return { after: { ...before, name: result.name ?? input.newName } };
  },
  judge(input, before, observed) {
    if (observed.name === input.newName) return "APPLIED";
    return observed.name === before.name ? "NOT_APPLIED" : "STILL_UNKNOWN";
  },
};
