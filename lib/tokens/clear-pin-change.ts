import "server-only";
import { z } from "zod";
import type { ChangeResolution } from "@/lib/audit/events";
import { getRsaClient } from "@/lib/rsa/client";
import { parsedOrNull, type ChangeDefinition } from "@/lib/tokens/change-definition";
import type { TokenType } from "@/lib/tokens/token-actions";

/**
 * Clear PIN — the most common call of all ("I forgot my PIN"): a SID700 token
 * (call 7, v2) or one DS100 credential (call 10, by its 12-digit credential
 * serial). At the next sign-in the user enters only the tokencode and then
 * sets a new PIN.
 */
export interface ClearPinInput {
  tokenType: TokenType;
  /** The SID700 serial, or the DS100's 9-digit device serial. */
  serial: string;
  /** DS100 only: the 12-digit credential serial the PIN belongs to. */
  credentialSerial: string | null;
  /** The owner the agent saw; a different fresh read refuses the change. */
  expectedUserId: string;
}

export interface PinState {
  userId: string | null;
  pinSet: boolean | null;
  tokenState: string | null;
}

const inputSchema = z.object({
  tokenType: z.enum(["SID700", "DS100"]),
  serial: z.string().min(1).max(36),
  credentialSerial: z.string().min(1).max(36).nullable(),
  expectedUserId: z.string().min(1).max(64),
});
const stateSchema = z.object({
  userId: z.string().nullable(),
  pinSet: z.boolean().nullable(),
  tokenState: z.string().nullable(),
});

async function readPinState(input: ClearPinInput): Promise<PinState> {
  if (input.tokenType === "SID700") {
    const token = await getRsaClient().lookupSidToken(input.serial);
    return { userId: token.userId, pinSet: token.pinSet, tokenState: token.rawTokenState || null };
  }
  const device = await getRsaClient().lookupDs100Device(input.serial);
  const credential = device.credentials.find((c) => c.tokenSerialNumber === input.credentialSerial);
  return credential
    ? { userId: credential.userId, pinSet: credential.pinSet, tokenState: credential.rawTokenState || null }
    : { userId: null, pinSet: null, tokenState: null };
}

export function judgePinCleared(before: PinState, observed: PinState): ChangeResolution {
  if (observed.userId !== before.userId) return "STILL_UNKNOWN";
  // Only a PIN that was set and now is not shows the change; a PIN never set looks the same either way.
  if (before.pinSet !== true) return "STILL_UNKNOWN";
  if (observed.pinSet === false) return "APPLIED";
  return observed.pinSet === true ? "NOT_APPLIED" : "STILL_UNKNOWN";
}

export const clearPinChange: ChangeDefinition<ClearPinInput, PinState> = {
  action: "CLEAR_PIN",
  lockKey: (input) => `token:${input.serial}`,
  target: (input, before) => ({
    serial: input.credentialSerial ?? input.serial,
    tokenType: input.tokenType,
    rsaUserId: before?.userId ?? input.expectedUserId,
  }),
  recordedInput: (input) => ({ ...input }),
  parseRecordedInput: parsedOrNull(inputSchema),
  parseState: parsedOrNull(stateSchema),
  read: readPinState,
  refusal(input, before) {
    if (!before.userId) {
      return {
        code: "NOT_ALLOWED",
        message: "This token is not assigned to anyone, so it has no PIN to clear.",
        details: { current: before },
      };
    }
    if (before.userId !== input.expectedUserId) {
      return {
        code: "STATE_CHANGED",
        message:
          "This token belongs to someone else now (it changed since you opened it). Nothing was done; search again.",
        details: { current: before },
      };
    }
    return null;
  },
  async send(input, before) {
    const rsa = getRsaClient();
    const result =
      input.tokenType === "SID700"
        ? await rsa.clearSidTokenPin(before.userId!, input.serial)
        : await rsa.clearDs100Pin(input.credentialSerial!, before.userId!);
    return { after: { ...before, pinSet: result.pinSet ?? false } };
  },
  judge: (_input, before, observed) => judgePinCleared(before, observed),
};
