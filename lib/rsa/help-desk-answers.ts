import { z } from "zod";
import { flag, orEmpty, text, timestamp } from "@/lib/rsa/answer-fields";
import type { EmergencyAccessCode, VerificationSession } from "@/lib/rsa/help-desk-types";

/**
 * Answers of the emergency access code (14) and live verification (16) calls.
 * The code and its id are what the help desk uses (read out, cancel by), so
 * they are strict; the rest is lenient. A zod failure lists field paths only,
 * never values, so an unreadable answer cannot carry the code into an error.
 */

export const emergencyCodeSchema: z.ZodType<EmergencyAccessCode> = z.object({
  emergencyTokencodeId: z.preprocess(
    (v) => (typeof v === "number" && Number.isInteger(v) ? String(v) : v),
    z.string().trim().min(1).max(128),
  ),
  // A string only: a code sent as a JSON number would have lost its leading zeros.
  emergencyTokencode: z.string().trim().min(1).max(64),
  expirationDate: timestamp,
  offlineExpirationDate: timestamp,
  oneTimeUse: flag,
  configurationsLocked: flag,
});

/** The field set comes from third-party clients: every field lenient; an empty body is a session with nothing known. */
export const verificationSchema: z.ZodType<VerificationSession> = orEmpty(
  z.object({
    userId: text,
    userEmail: text,
    adminUsername: text,
    sessionExpiration: timestamp,
    verifyStatus: text,
    status: text,
    verificationMethod: text,
  }),
);

/** Call 15 answers with an empty 200; whatever it says instead is not needed. */
export const emptyAnswerSchema = z.unknown().transform((): void => undefined);
