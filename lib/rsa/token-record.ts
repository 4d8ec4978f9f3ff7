import { z } from "zod";
import { flag, listOf, readKnown, serial, text, timestamp, userId } from "@/lib/rsa/answer-fields";
import { TOKEN_STATES, TOKEN_STATUSES, type Ds100Credential, type SidToken } from "@/lib/rsa/types";

/**
 * One token record (calls 1, 2 and 12), checked per record: the serial and
 * the owner must be usable or the record is; status and state are kept even
 * when tokendesk does not know the value (null plus RSA's word), so an odd
 * value shows up on the desk instead of hiding the token.
 */

const tokenShape = {
  id: text,
  name: text,
  userId: z.unknown().optional(),
  deviceType: text,
  registeredDate: timestamp,
  tokenSerialNumber: serial,
  updatedAt: timestamp,
  tokenState: z.unknown().optional(),
  expiryDate: timestamp,
  tokenStatus: z.unknown().optional(),
  assignedAt: timestamp,
  assignedBy: text,
  pinSet: flag,
  tokenStatusChangedAt: timestamp,
  tokenStatusChangedBy: text,
};

/**
 * The owner. The vendor's "no owner" is null (its example of an unassigned
 * token); an empty string means the same only on a token RSA calls
 * "Unassigned". On any other token an empty or unreadable owner makes the
 * record unusable: tokendesk would otherwise offer actions on a token whose
 * owner it cannot name, or call it "not assigned" when RSA says it is.
 */
function readOwner(value: unknown, rawState: string): { ok: true; userId: string | null } | { ok: false } {
  if (value === null || value === undefined) return { ok: true, userId: null };
  if (typeof value === "string" && value.trim() === "")
    return rawState === "Unassigned" ? { ok: true, userId: null } : { ok: false };
  const parsed = userId.safeParse(value);
  return parsed.success ? { ok: true, userId: parsed.data } : { ok: false };
}

type RawToken = z.output<z.ZodObject<typeof tokenShape>>;

function finishToken(r: RawToken, ctx: z.RefinementCtx): SidToken | null {
  const state = readKnown(r.tokenState, TOKEN_STATES);
  const status = readKnown(r.tokenStatus, TOKEN_STATUSES);
  const owner = readOwner(r.userId, state.raw);
  if (!owner.ok) {
    ctx.addIssue({ code: "custom", path: ["userId"], message: "the owner cannot be read" });
    return null;
  }
  return {
    id: r.id,
    name: r.name,
    userId: owner.userId,
    deviceType: r.deviceType,
    registeredDate: r.registeredDate,
    tokenSerialNumber: r.tokenSerialNumber,
    updatedAt: r.updatedAt,
    tokenState: state.value,
    rawTokenState: state.raw,
    expiryDate: r.expiryDate,
    tokenStatus: status.value,
    rawTokenStatus: status.raw,
    assignedAt: r.assignedAt,
    assignedBy: r.assignedBy,
    pinSet: r.pinSet,
    tokenStatusChangedAt: r.tokenStatusChangedAt,
    tokenStatusChangedBy: r.tokenStatusChangedBy,
  };
}

export const sidTokenSchema: z.ZodType<SidToken> = z
  .object(tokenShape)
  .transform((r, ctx) => finishToken(r, ctx) ?? z.NEVER);

export const ds100CredentialSchema: z.ZodType<Ds100Credential> = z
  .object({ ...tokenShape, deviceSerialNumber: serial, tokenStatusReason: text })
  .transform((r, ctx) => {
    const token = finishToken(r, ctx);
    if (!token) return z.NEVER;
    return { ...token, deviceSerialNumber: r.deviceSerialNumber, tokenStatusReason: r.tokenStatusReason };
  });

/** Call 2: every credential checked on its own; an unusable one is hidden and counted. */
export const ds100LookupSchema = listOf(ds100CredentialSchema).transform(({ items, hidden }) => ({
  credentials: items,
  hiddenCredentials: hidden,
}));

/** Call 12's `sidTokens`: absent or null is an empty list. */
export const sidTokenListSchema = z.preprocess((v) => v ?? [], listOf(sidTokenSchema));
