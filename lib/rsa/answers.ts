import { z } from "zod";
import { TOKEN_STATES, TOKEN_STATUSES } from "@/lib/rsa/types";

/**
 * zod schemas for RSA's answers. Strict where tokendesk acts on a field
 * (serials, userId, tokenStatus, tokenState); lenient where it is only shown
 * (dates, names, flags): a wrong or missing informational field becomes null
 * and never fails the answer. Unknown fields are dropped.
 */

const text = z
  .unknown()
  .transform((v): string | null => (typeof v === "string" ? v : typeof v === "number" ? String(v) : null));

/** ISO 8601 when it can be read (including the vendor's colon-less `T161656.879Z`), otherwise null. */
export function normaliseTimestamp(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return new Date(value).toISOString();
  if (typeof value !== "string" || !value.trim()) return null;
  const direct = Date.parse(value);
  if (!Number.isNaN(direct)) return new Date(direct).toISOString();
  const withColons = value.replace(/T(\d{2})(\d{2})(\d{2})/, "T$1:$2:$3");
  const repaired = Date.parse(withColons);
  return Number.isNaN(repaired) ? null : new Date(repaired).toISOString();
}

const timestamp = z.unknown().transform(normaliseTimestamp);

const flag = z.unknown().transform((v): boolean | null => {
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "True") return true;
  if (v === "false" || v === "False") return false;
  return null;
});

const serial = z.string().trim().min(1).max(36);
const userId = z.string().trim().min(1).max(64);
/** Null on an unassigned token; absent is read as null too. */
const optionalUserId = userId
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const tokenStatus = z.enum(TOKEN_STATUSES);
const tokenState = z.enum(TOKEN_STATES);

export const sidTokenSchema = z.object({
  id: text,
  name: text,
  userId: optionalUserId,
  deviceType: text,
  registeredDate: timestamp,
  tokenSerialNumber: serial,
  updatedAt: timestamp,
  tokenState,
  expiryDate: timestamp,
  tokenStatus,
  assignedAt: timestamp,
  assignedBy: text,
  pinSet: flag,
  tokenStatusChangedAt: timestamp,
  tokenStatusChangedBy: text,
});

export const ds100CredentialSchema = sidTokenSchema.extend({
  deviceSerialNumber: serial,
  tokenStatusReason: text,
});

export const ds100LookupSchema = z.array(ds100CredentialSchema);

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

export const rsaUserSchema = z.object({
  id: userId,
  emailAddress: text,
  firstName: text,
  lastName: text,
  userStatus: text,
  isTokenLocked: flag,
});

const looseRecords = z
  .unknown()
  .transform((v): Record<string, unknown>[] =>
    Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === "object" && x !== null) : [],
  );

export const userDevicesSchema = z.object({
  devices: looseRecords,
  fidoTokens: looseRecords,
  sidTokens: z
    .array(z.unknown())
    .nullable()
    .optional()
    .transform((list) =>
      (list ?? []).flatMap((entry) => {
        const parsed = sidTokenSchema.safeParse(entry);
        return parsed.success ? [parsed.data] : [];
      }),
    ),
});
