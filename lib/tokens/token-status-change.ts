import "server-only";
import { z } from "zod";
import type { ChangeResolution } from "@/lib/audit/events";
import type { ChangeDefinition } from "@/lib/tokens/change-definition";
import { readCurrentState, callRsaChange } from "@/lib/tokens/rsa-change-calls";
import {
  allowedActions,
  expectedAfter,
  sameSnapshot,
  type TokenAction,
  type TokenSnapshot,
  type TokenType,
} from "@/lib/tokens/token-actions";

/**
 * Enable, disable and unassign: the changes that move a token's status or
 * state, for SID700 tokens and DS100 devices alike.
 */
export interface TokenStatusInput {
  action: TokenAction;
  tokenType: TokenType;
  serial: string;
  /** The state the agent saw when choosing the action; a different fresh read refuses the change. */
  expected: TokenSnapshot;
}

const recordedSchema = z.object({
  action: z.enum(["enable", "disable", "unassign"]),
  tokenType: z.enum(["SID700", "DS100"]),
  serial: z.string().min(1).max(36),
});

const snapshotSchema = z.object({
  tokenStatus: z.string().nullable(),
  tokenState: z.string().nullable(),
  userId: z.string().nullable(),
});

const PAST_TENSE: Record<TokenAction, string> = { enable: "enabled", disable: "disabled", unassign: "unassigned" };

export function judgeSnapshot(action: TokenAction, before: TokenSnapshot, observed: TokenSnapshot): ChangeResolution {
  if (sameSnapshot(observed, expectedAfter(action, before))) return "APPLIED";
  if (sameSnapshot(observed, before)) return "NOT_APPLIED";
  // Someone else moved the token since: what it says about this change cannot be told.
  return "STILL_UNKNOWN";
}

export function tokenStatusChange(action: TokenAction): ChangeDefinition<TokenStatusInput, TokenSnapshot> {
  return {
    action: action.toUpperCase(),
    lockKey: (input) => `token:${input.serial}`,
    target: (input, before) => ({
      serial: input.serial,
      tokenType: input.tokenType,
      rsaUserId: before?.userId ?? input.expected.userId,
    }),
    recordedInput: (input) => ({ action: input.action, tokenType: input.tokenType, serial: input.serial }),
    parseRecordedInput(value) {
      const parsed = recordedSchema.safeParse(value);
      // The reconciler knows the state before from the INTENT itself; `expected` only guards the live path.
      return parsed.success
        ? { ...parsed.data, expected: { tokenStatus: null, tokenState: null, userId: null } as never }
        : null;
    },
    parseState: (value) => {
      const parsed = snapshotSchema.safeParse(value);
      return parsed.success ? (parsed.data as TokenSnapshot) : null;
    },
    read: (input) => readCurrentState(input.tokenType, input.serial),
    refusal(input, before) {
      if (!sameSnapshot(before, input.expected)) {
        return {
          code: "STATE_CHANGED",
          message:
            "This token changed since you opened it (someone else may have acted). Nothing was done; check its current state.",
          details: { current: before },
        };
      }
      if (!allowedActions(input.tokenType, before).includes(input.action)) {
        return { code: "NOT_ALLOWED", message: `A token in this state cannot be ${PAST_TENSE[input.action]}.` };
      }
      return null;
    },
    send: async (input, before) => ({
      after: await callRsaChange(input.tokenType, input.action, input.serial, before),
    }),
    judge: (input, before, observed) => judgeSnapshot(input.action, before, observed),
  };
}
