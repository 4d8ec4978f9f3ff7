import { z } from "zod";
import { flag, listOf, text, textList, timestamp, userId } from "@/lib/rsa/answer-fields";
import { sidTokenListSchema } from "@/lib/rsa/token-record";
import type { DeviceSummary, RsaUser, UserDevices } from "@/lib/rsa/user-types";

/**
 * User answers (calls 11, 12, 13). The user id is what every per-user call is
 * made with, so it is strict per record; every other field is informational
 * and lenient. Unknown fields are dropped.
 */

export const rsaUserSchema: z.ZodType<RsaUser> = z.object({
  id: userId,
  emailAddress: text,
  firstName: text,
  lastName: text,
  creationDate: timestamp,
  identitySource: text,
  userStatus: text,
  highRiskUser: flag,
  markDeleted: flag,
  isTokenLocked: flag,
  isSmsLocked: flag,
  isVoiceLocked: flag,
  isFingerprintLocked: flag,
  isApproveLocked: flag,
  lastSyncTime: timestamp,
  emergencyAccessStatus: text,
  emergencyTokencodeExpiration: timestamp,
  monthLastAuthenticated: text,
  principalUsername: text,
  alternateUsername: text,
  smsNumber: text,
  voiceNumber: text,
  lastSuccessfulAuthenticationMethod: text,
  lastSuccessfulAuthenticationDate: timestamp,
  identitySourceSpecificGroups: textList,
  globalGroups: textList,
});

/** Call 13: a page of user records; one with an unreadable id is hidden and counted. */
export const userSearchSchema = listOf(rsaUserSchema);

const deviceSummarySchema: z.ZodType<DeviceSummary> = z.object({
  id: text,
  name: text,
  userId: text,
  deviceType: text,
  registeredDate: timestamp,
  tokenSerialNumber: text,
  deviceSerialNumber: text,
  updatedAt: timestamp,
  tokenState: text,
  tokenStatus: text,
  status: text,
  tokenStatusReason: text,
  expiryDate: timestamp,
  assignedAt: timestamp,
  assignedBy: text,
  pinSet: flag,
  tokenStatusChangedAt: timestamp,
  tokenStatusChangedBy: text,
});

/** Display-only items: anything that is not an object is left out (there is nothing to show). */
const deviceList = z
  .unknown()
  .transform((v) => (Array.isArray(v) ? v : []))
  .transform((list) =>
    list.flatMap((entry) => {
      if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return [];
      const parsed = deviceSummarySchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    }),
  );

export const userDevicesSchema: z.ZodType<UserDevices> = z
  .object({ devices: deviceList, fidoTokens: deviceList, sidTokens: sidTokenListSchema })
  .transform(({ devices, fidoTokens, sidTokens }) => ({
    devices,
    fidoTokens,
    sidTokens: sidTokens.items,
    hiddenSidTokens: sidTokens.hidden,
  }));
