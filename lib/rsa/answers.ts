import { z } from "zod";
import { flag, optionalUserId, serial, text, timestamp, userId } from "@/lib/rsa/answer-fields";
import { TOKEN_STATES, TOKEN_STATUSES } from "@/lib/rsa/types";

/**
 * The answers to changes (calls 3-10 and 17). tokendesk records what they say
 * as the state after the change, so what it acts on is strict for the whole
 * answer: a 2xx that fails here is "applied, answer unreadable", never a
 * refusal. Lookup records live in token-record.ts and user-answers.ts.
 */

export { normaliseTimestamp } from "@/lib/rsa/answer-fields";
export { ds100CredentialSchema, ds100LookupSchema, sidTokenSchema } from "@/lib/rsa/token-record";
export { rsaUserSchema, userDevicesSchema, userSearchSchema } from "@/lib/rsa/user-answers";

const tokenStatus = z.string().trim().pipe(z.enum(TOKEN_STATUSES));
const tokenState = z.string().trim().pipe(z.enum(TOKEN_STATES));

export const sidStatusChangeSchema = z.object({
  userId,
  tokenSerialNumber: serial,
  tokenStatus,
  tokenStatusChangedBy: text,
  tokenStatusChangedAt: timestamp,
});

export const ds100StatusChangeSchema = z.array(
  sidStatusChangeSchema.extend({
    deviceSerialNumber: serial
      .nullable()
      .optional()
      .transform((v) => v ?? null),
  }),
);

export const unassignResultSchema = z.object({ tokenSerialNumber: serial, tokenState });

export const assignResultSchema = z.object({ userId, tokenSerialNumber: serial, tokenState });

export const pinClearResultSchema = z.object({
  userId: optionalUserId,
  tokenSerialNumber: serial,
  pinSet: flag,
});

export const renameResultSchema = z.object({ tokenSerialNumber: serial, name: text, userId: optionalUserId });
