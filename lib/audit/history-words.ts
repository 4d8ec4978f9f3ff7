import { ROLE_LABELS } from "@/lib/auth/permissions";
import { CHANGE_REASONS } from "@/lib/tokens/change-reasons";
import { groupSerial } from "@/lib/tokens/serial";

/**
 * The audit history in a supervisor's words: what each kind of event was,
 * what a change moved from and to, why RSA or tokendesk refused. The screens
 * and the export's summary column say the same thing. Pure, no I/O.
 */

/** Names for RSA user ids, from the local directory of users tokendesk has seen. */
export type OwnerNames = ReadonlyMap<string, { name: string | null; email: string | null }>;

export interface EventFacts {
  type: string;
  action: string | null;
  serial: string | null;
  tokenType: string | null;
  outcome: string | null;
  details: unknown;
}

const ACTIONS: Record<string, string> = {
  ENABLE: "Enable",
  DISABLE: "Disable",
  UNASSIGN: "Unassign",
  ASSIGN: "Assign",
  CLEAR_PIN: "Clear PIN",
  RENAME: "Rename",
};

const USER_ADMIN: Record<string, string> = {
  USER_ADD: "Added user",
  USER_ROLE: "Changed the role of",
  USER_DISABLE: "Disabled user",
  USER_ENABLE: "Enabled user",
  USER_PASSWORD_RESET: "Reset the password of",
  USER_SESSIONS_ENDED: "Ended the sessions of",
  USER_SSO_CREATED: "Created by single sign-on:",
  USER_SSO_REFUSED: "Refused a single sign-on account for",
};

/** What a refused page, route or action was for (the ACCESS_DENIED row's resource). */
const RESOURCES: Record<string, string> = {
  desk: "the desk",
  admin: "the administration page",
  "audit.history": "the audit history",
  "audit.export": "an audit export",
  "audit.verify": "verifying the audit chain",
  "token.lookup": "a token lookup",
  "token.history": "a token's history",
  "token.change": "a token change",
  "rsa.status": "RSA's status",
  "user.lookup": "a user lookup",
  "user.search": "a user search",
};

const ERRORS: Record<string, string> = {
  UNAUTHENTICATED: "not signed in",
  FORBIDDEN: "this role may not do that",
  INVALID_INPUT: "the request was not valid",
  BUSY: "another change to this token was in progress",
  STATE_CHANGED: "the token had changed since the agent opened it",
  NOT_ALLOWED: "not possible in the token's state",
  AUDIT_UNAVAILABLE: "the audit could not be written, so RSA was not called",
  DATABASE_UNAVAILABLE: "the database was unavailable",
  ANSWER_UNREADABLE: "RSA's answer could not be read; the token was read again to confirm",
  TIMEOUT: "no answer from RSA in time",
  RSA_NOT_FOUND: "RSA does not know this serial or user",
  RSA_CONFLICT: "RSA refused: the token's state does not allow it",
  RSA_BAD_REQUEST: "RSA refused the request as invalid",
  RSA_RATE_LIMITED: "RSA asked tokendesk to slow down",
  RSA_CREDENTIAL_REJECTED: "RSA refused tokendesk's credential",
  RSA_UNAVAILABLE: "RSA (or a gateway before it) failed",
  RSA_TIMEOUT: "no answer from RSA in time",
  RSA_NETWORK: "the connection to RSA failed",
  RSA_INVALID_ANSWER: "RSA's answer could not be read",
  RSA_ANSWER_UNREADABLE: "RSA's answer could not be read",
  RSA_MISCONFIGURED: "RSA's address is misconfigured",
  RSA_CIRCUIT_OPEN: "RSA had not answered for a while, so nothing was sent",
  RSA_NOT_CONFIGURED: "RSA is not configured",
};

const words = (code: string) => code.toLowerCase().replace(/_/g, " ");
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const record = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

export const actionWords = (action: string | null) => (action ? (ACTIONS[action] ?? capitalised(words(action))) : "");
export const errorWords = (code: string | null) => (code ? (ERRORS[code] ?? words(code)) : null);
export const resourceWords = (resource: string | null) => (resource ? (RESOURCES[resource] ?? resource) : "a page");
export const reasonWords = (reason: string | null) =>
  reason ? (CHANGE_REASONS[reason as keyof typeof CHANGE_REASONS] ?? reason) : null;

/** The user a USER_ADMIN row is about. */
export function targetOf(row: Pick<EventFacts, "details">): string | null {
  return text(record(record(row.details)?.target)?.email);
}

/**
 * What happened, in one line: "Disable SID700", "Signed in (single sign-on)",
 * "Refused: the audit history". The table, which shows the token type beside
 * the serial, leaves it out.
 */
export function eventTitle(row: EventFacts, options: { tokenType?: boolean } = {}): string {
  const details = record(row.details);
  const tokenType = options.tokenType === false ? null : row.tokenType;
  const change = [actionWords(row.action), tokenType].filter(Boolean).join(" ");
  switch (row.type) {
    case "CHANGE_INTENT":
    case "CHANGE_OUTCOME":
    case "CHANGE_RESOLUTION":
      return change;
    case "CHANGE_REFUSED":
      return `${change} (refused before RSA)`;
    case "LOOKUP":
      return row.serial ? `Lookup ${tokenType ?? ""}`.trim() : `Lookup${row.action ? `: ${words(row.action)}` : ""}`;
    case "SIGN_IN":
      return text(details?.method) === "sso" ? "Signed in (single sign-on)" : "Signed in (password)";
    case "SIGN_IN_FAILED":
      return "Sign-in refused";
    case "SIGN_OUT":
      return "Signed out";
    case "ACCESS_DENIED":
      return `Refused: ${resourceWords(row.action)}`;
    case "EXPORT":
      return row.action === "EXPORT_JSONL" ? "Exported JSON Lines" : "Exported CSV";
    case "USER_ADMIN":
      return `${USER_ADMIN[row.action ?? ""] ?? actionWords(row.action)} ${targetOf(row) ?? ""}`.trim();
    case "AUDIT_CHECKPOINT":
      return `Checkpoint of the chain at row ${text(details?.seq) ?? "?"}`;
    case "CALLER_VERIFICATION":
      return `Caller verification${text(details?.method) ? ` (${words(text(details?.method)!)})` : ""}`;
    default:
      return capitalised(words(row.type));
  }
}

/** "Jane Doe (jane.doe@example.com)" when the directory knows the id, else the id itself. */
export function ownerLabel(rsaUserId: string, owners: OwnerNames): string {
  const known = owners.get(rsaUserId);
  if (known?.name && known.email) return `${known.name} (${known.email})`;
  return known?.name ?? known?.email ?? rsaUserId;
}

export interface StateLine {
  label: string;
  before: string;
  after: string;
}

const FIELDS: Record<string, string> = {
  tokenStatus: "Status",
  tokenState: "State",
  userId: "Owner",
  role: "Role",
  disabled: "Account",
  name: "Name",
  email: "E-mail",
};

function valueWords(key: string, value: unknown, owners: OwnerNames): string {
  if (value === null || value === undefined || value === "") return key === "userId" ? "nobody" : "—";
  if (key === "userId") return ownerLabel(String(value), owners);
  if (key === "disabled") return value === true ? "disabled" : "active";
  if (key === "role") return ROLE_LABELS[value as keyof typeof ROLE_LABELS] ?? String(value);
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** What the change asks RSA for, when its result is not (yet) known. */
const REQUESTED: Record<string, Record<string, unknown>> = {
  ENABLE: { tokenStatus: "Enabled" },
  DISABLE: { tokenStatus: "Disabled" },
  UNASSIGN: { tokenState: "Unassigned", userId: null },
};

/**
 * Each field that differs between two states, in words ("Status: Enabled → Disabled").
 * With no state after, the action's requested state stands in, and `requested` says so.
 */
export function stateLines(
  row: { action: string | null; stateBefore: unknown; stateAfter: unknown },
  owners: OwnerNames,
): { lines: StateLine[]; requested: boolean } {
  const before = record(row.stateBefore);
  const observed = record(row.stateAfter);
  const requested = !observed && before !== null && row.action !== null && row.action in REQUESTED;
  const after = observed ?? (requested ? { ...before, ...REQUESTED[row.action!] } : null);
  if (!before && !after) return { lines: [], requested: false };
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => k in FIELDS);
  const lines = keys
    .filter((key) => !before || !after || JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({
      label: FIELDS[key]!,
      before: before ? valueWords(key, before[key], owners) : "—",
      after: after ? valueWords(key, after[key], owners) : "—",
    }));
  return { lines, requested };
}

/** A one-line account of the event for the export: what, on which serial, and what it moved. */
export function eventSummary(
  row: EventFacts & { stateBefore: unknown; stateAfter: unknown },
  owners: OwnerNames = new Map(),
): string {
  const { lines, requested } = stateLines(row, owners);
  const change = lines.map((l) => `${l.label} ${l.before} → ${l.after}`).join(", ");
  return [
    eventTitle(row),
    row.serial ? groupSerial(row.serial) : null,
    change ? `${change}${requested ? " (requested)" : ""}` : null,
  ]
    .filter(Boolean)
    .join(" · ");
}
