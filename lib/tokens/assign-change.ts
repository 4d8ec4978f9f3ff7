import "server-only";
import { z } from "zod";
import { getRsaClient } from "@/lib/rsa/client";
import { parsedOrNull, type ChangeDefinition } from "@/lib/tokens/change-definition";

/**
 * Assign an unassigned SID700 token to a user (call 6): a new hire's token.
 * It becomes "Activation Pending" until the user signs in with it once.
 */
export interface AssignInput {
  serial: string;
  userId: string;
  /** The user's e-mail, as the agent found them: recorded so the audit names who got the token. */
  email: string;
  tokenName: string | null;
}

export interface AssignState {
  userId: string | null;
  tokenState: string | null;
  tokenStatus: string | null;
  name: string | null;
}

const inputSchema = z.object({
  serial: z.string().min(1).max(36),
  userId: z.string().min(1).max(64),
  email: z.string().max(320),
  tokenName: z.string().max(255).nullable(),
});
const stateSchema = z.object({
  userId: z.string().nullable(),
  tokenState: z.string().nullable(),
  tokenStatus: z.string().nullable(),
  name: z.string().nullable(),
});

export const assignChange: ChangeDefinition<AssignInput, AssignState> = {
  action: "ASSIGN",
  lockKey: (input) => `token:${input.serial}`,
  target: (input) => ({ serial: input.serial, tokenType: "SID700", rsaUserId: input.userId }),
  recordedInput: (input) => ({ ...input }),
  parseRecordedInput: parsedOrNull(inputSchema),
  parseState: parsedOrNull(stateSchema),
  async read(input) {
    const token = await getRsaClient().lookupSidToken(input.serial);
    return {
      userId: token.userId,
      tokenState: token.rawTokenState || null,
      tokenStatus: token.rawTokenStatus || null,
      name: token.name,
    };
  },
  refusal(input, before) {
    if (before.userId === input.userId) {
      return { code: "NOT_ALLOWED", message: "This token is already assigned to this user. Nothing was done." };
    }
    if (before.userId !== null || before.tokenState !== "Unassigned") {
      return {
        code: "NOT_ALLOWED",
        message:
          "This token is assigned to someone else, so it cannot be given to this user. Pick an unassigned token.",
        details: { current: before },
      };
    }
    return null;
  },
  async send(input, before) {
    const result = await getRsaClient().assignSidToken(input.userId, input.serial, input.tokenName ?? undefined);
    return {
      after: { ...before, userId: result.userId, tokenState: result.tokenState, name: input.tokenName ?? before.name },
    };
  },
  judge(input, _before, observed) {
    if (observed.userId === input.userId) return "APPLIED";
    if (observed.userId === null && observed.tokenState === "Unassigned") return "NOT_APPLIED";
    return "STILL_UNKNOWN";
  },
};
