import "server-only";
import { z } from "zod";
import { getRsaClient } from "@/lib/rsa/client";
import { EMERGENCY_EXPIRY_UNITS, type EmergencyExpiryUnit } from "@/lib/rsa/help-desk-types";
import { parsedOrNull, type ChangeDefinition, type ChangeRefusal } from "@/lib/tokens/change-definition";
import { readUserAccessState, type UserAccessState } from "@/lib/people/read-user";

/**
 * Emergency access codes (calls 14 and 15): a caller who left their token at
 * home gets a code that works instead of it for a while. The code itself is a
 * secret read out once: it goes back to the agent's screen through `reveal`
 * and nowhere else — the audit records only that one was issued, for whom,
 * until when, and its id (so tokendesk can cancel it later).
 */

export interface IssueCodeInput {
  userId: string;
  email: string;
  oneTimeUse: boolean;
  expiryUnit: EmergencyExpiryUnit;
  expiryValue: number;
}

export interface CancelCodeInput {
  userId: string;
  email: string;
  /** The code's id from the issue recorded in tokendesk's audit (RSA has no call that lists them). */
  codeId: string;
}

/** The user's emergency access as the audit records it: never the code. */
export interface EmergencyState extends UserAccessState {
  codeId?: string | null;
  oneTimeUse?: boolean | null;
}

const stateSchema = z.object({
  userId: z.string(),
  emergencyAccessStatus: z.string().nullable(),
  emergencyExpiresAt: z.string().nullable(),
  codeId: z.string().nullable().optional(),
  oneTimeUse: z.boolean().nullable().optional(),
});
const parseState = parsedOrNull(stateSchema);

function sameUser(expected: string, before: EmergencyState): ChangeRefusal | null {
  return before.userId === expected
    ? null
    : {
        code: "STATE_CHANGED",
        message:
          "That e-mail address belongs to a different RSA user now. Nothing was done; search for the caller again.",
      };
}

const issueInputSchema = z.object({
  userId: z.string().min(1).max(64),
  email: z.string().min(3).max(320),
  oneTimeUse: z.boolean(),
  expiryUnit: z.enum(EMERGENCY_EXPIRY_UNITS),
  expiryValue: z.number().int().positive(),
});

export const issueEmergencyCodeChange: ChangeDefinition<IssueCodeInput, EmergencyState> = {
  action: "EMERGENCY_CODE_ISSUE",
  lockKey: (input) => `user:${input.userId}`,
  target: (input) => ({ serial: null, tokenType: null, rsaUserId: input.userId }),
  recordedInput: ({ userId, email, oneTimeUse, expiryUnit, expiryValue }) => ({
    userId,
    email,
    oneTimeUse,
    expiryUnit,
    expiryValue,
  }),
  parseRecordedInput: parsedOrNull(issueInputSchema),
  parseState,
  read: (input) => readUserAccessState(input.email),
  refusal: (input, before) => sameUser(input.userId, before),
  async send(input, before) {
    const code = await getRsaClient().issueEmergencyAccessCode(input.userId, {
      oneTimeUse: input.oneTimeUse,
      expiryUnit: input.expiryUnit,
      expiryValue: input.expiryValue,
    });
    return {
      after: {
        ...before,
        emergencyAccessStatus: "ISSUED",
        emergencyExpiresAt: code.expirationDate,
        codeId: code.emergencyTokencodeId,
        oneTimeUse: code.oneTimeUse,
      },
      reveal: {
        code: code.emergencyTokencode,
        ...(code.expirationDate ? { expiresAt: code.expirationDate } : {}),
        ...(code.configurationsLocked ? { configurationsLocked: "true" } : {}),
      },
    };
  },
  judge(_input, before, observed) {
    // A new code moves the expiry; the same expiry as before means no new code was issued.
    if (observed.emergencyExpiresAt && observed.emergencyExpiresAt !== before.emergencyExpiresAt) return "APPLIED";
    if (observed.emergencyExpiresAt === before.emergencyExpiresAt) return "NOT_APPLIED";
    return "STILL_UNKNOWN";
  },
};

const cancelInputSchema = z.object({
  userId: z.string().min(1).max(64),
  email: z.string().min(3).max(320),
  codeId: z.string().min(1).max(100),
});

export const cancelEmergencyCodeChange: ChangeDefinition<CancelCodeInput, EmergencyState> = {
  action: "EMERGENCY_CODE_CANCEL",
  lockKey: (input) => `user:${input.userId}`,
  target: (input) => ({ serial: null, tokenType: null, rsaUserId: input.userId }),
  recordedInput: (input) => ({ ...input }),
  parseRecordedInput: parsedOrNull(cancelInputSchema),
  parseState,
  read: (input) => readUserAccessState(input.email),
  refusal: (input, before) => sameUser(input.userId, before),
  async send(input, before) {
    await getRsaClient().cancelEmergencyAccessCode(input.userId, input.codeId);
    return { after: { ...before, emergencyAccessStatus: "CANCELLED", codeId: input.codeId } };
  },
  judge(_input, before, observed) {
    if (observed.emergencyExpiresAt === null && before.emergencyExpiresAt !== null) return "APPLIED";
    if (
      observed.emergencyAccessStatus === before.emergencyAccessStatus &&
      observed.emergencyExpiresAt === before.emergencyExpiresAt
    )
      return "NOT_APPLIED";
    return "STILL_UNKNOWN";
  },
};
