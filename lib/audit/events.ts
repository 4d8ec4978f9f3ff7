import { randomUUID } from "node:crypto";
import type { ChainedFields } from "@/lib/audit/canonical";

/**
 * The catalogue of audit events: one constructor per kind of event, each
 * asking for exactly the fields that kind must carry. appendAuditEvent()
 * accepts only what these constructors build, so a row can never be written
 * with its actor, serial or outcome forgotten.
 */

/** Who acted: a signed-in person, someone not signed in (sign-in attempts, refused requests), or tokendesk itself. */
export type AuditActor =
  | { kind: "user"; id: string; email: string; name: string; role: string }
  | { kind: "anonymous"; email?: string | null }
  | { kind: "system"; name: string };

/** Where a request came from; NO_REQUEST for commands and timers. */
export interface AuditRequest {
  requestId: string | null;
  clientIp: string | null;
  userAgent: string | null;
}

export const NO_REQUEST: AuditRequest = { requestId: null, clientIp: null, userAgent: null };

/** What a change is about. Token changes name a serial; user-level ones (emergency access) may not. */
export interface ChangeFacts {
  action: string;
  serial: string | null;
  tokenType: string | null;
  rsaUserId: string | null;
  ticket: string | null;
  reason: string | null;
  note: string | null;
}

/** An INTENT as its OUTCOME and RESOLUTION repeat it (so every filter finds all three). */
export interface IntentRef {
  id: string;
  actor: AuditActor;
  request: AuditRequest;
  change: ChangeFacts;
}

export type ChangeOutcome = "SUCCESS" | "FAILURE" | "UNKNOWN";
export type ChangeResolution = "APPLIED" | "NOT_APPLIED" | "STILL_UNKNOWN";
export type LookupOutcome = "FOUND" | "NOT_FOUND" | "FAILED";
export type SignInFailure =
  | "WRONG_PASSWORD"
  | "UNKNOWN_EMAIL"
  | "USER_DISABLED"
  | "THROTTLED"
  | "DATABASE_UNAVAILABLE"
  /** A password tried for a user who has none (created by single sign-on). */
  | "NO_PASSWORD"
  /** A password tried while AUTH_PASSWORDS=off. */
  | "PASSWORDS_OFF"
  /** Single sign-on refusals: lib/auth/sso-failures.ts says what each means. */
  | "SSO_NO_ROLE"
  | "SSO_EMAIL_CONFLICT"
  | "SSO_CLAIMS_INVALID"
  | "SSO_DENIED"
  | "SSO_PROVIDER_REFUSED"
  | "SSO_UNREACHABLE"
  | "SSO_ISSUER_MISMATCH"
  | "SSO_TOKEN_INVALID"
  | "SSO_STATE_INVALID"
  | "SSO_FAILED";
export type UserAdminAction =
  | "USER_ADD"
  | "USER_ROLE"
  | "USER_DISABLE"
  | "USER_ENABLE"
  | "USER_PASSWORD_RESET"
  | "USER_SESSIONS_ENDED"
  | "USER_SSO_CREATED"
  /** An existing user bound to their identity at the provider (same e-mail, verified by the provider). */
  | "USER_SSO_LINKED"
  /** E-mail or name brought in line with the identity provider at sign-in. */
  | "USER_SSO_UPDATED"
  | "USER_SSO_REFUSED";

type Row = Omit<ChainedFields, "seq">;
declare const built: unique symbol;
/** A row ready to append; only the constructors below make one. */
export type AuditEvent = Readonly<Row> & { readonly [built]: true };

const EMPTY: Omit<Row, "id" | "type" | "occurredAt"> = {
  actorId: null,
  actorEmail: null,
  actorName: null,
  actorRole: null,
  action: null,
  serial: null,
  tokenType: null,
  rsaUserId: null,
  ticket: null,
  reason: null,
  note: null,
  intentId: null,
  outcome: null,
  rsaStatus: null,
  errorCode: null,
  stateBefore: null,
  stateAfter: null,
  durationMs: null,
  requestId: null,
  clientIp: null,
  userAgent: null,
  details: null,
};

function actorColumns(actor: AuditActor) {
  switch (actor.kind) {
    case "user":
      return { actorId: actor.id, actorEmail: actor.email, actorName: actor.name, actorRole: actor.role };
    case "anonymous":
      return { actorId: null, actorEmail: actor.email ?? null, actorName: null, actorRole: null };
    case "system":
      return { actorId: null, actorEmail: null, actorName: actor.name, actorRole: "SYSTEM" };
  }
}

function make(
  type: string,
  actor: AuditActor,
  request: AuditRequest,
  fields: Partial<Omit<Row, "type" | "occurredAt">> = {},
): AuditEvent {
  return {
    ...EMPTY,
    id: randomUUID(),
    occurredAt: new Date(),
    ...actorColumns(actor),
    requestId: request.requestId,
    clientIp: request.clientIp,
    userAgent: request.userAgent?.slice(0, 512) ?? null,
    ...fields,
    type,
  } as AuditEvent;
}

const changeColumns = (c: ChangeFacts) => ({
  action: c.action,
  serial: c.serial,
  tokenType: c.tokenType,
  rsaUserId: c.rsaUserId,
  ticket: c.ticket,
  reason: c.reason,
  note: c.note,
});

const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/** The outcome's error facts: RSA's HTTP status, tokendesk's error code and RSA's own words (for supervisors). */
export interface FailureFacts {
  rsaStatus?: number | null;
  errorCode?: string | null;
}

export const auditEvents = {
  /** Who looked at which token or user, and what RSA said. */
  lookup(p: {
    actor: AuditActor;
    request: AuditRequest;
    serial: string | null;
    tokenType: string | null;
    rsaUserId: string | null;
    outcome: LookupOutcome;
    action?: string | null;
    failure?: FailureFacts;
    details?: Record<string, unknown> | null;
  }): AuditEvent {
    return make("LOOKUP", p.actor, p.request, {
      action: orNull(p.action),
      serial: p.serial,
      tokenType: p.tokenType,
      rsaUserId: p.rsaUserId,
      outcome: p.outcome,
      rsaStatus: orNull(p.failure?.rsaStatus),
      errorCode: orNull(p.failure?.errorCode),
      details: orNull(p.details),
    });
  },

  /** Committed before RSA is called; `id` is the intent's id, known in advance. */
  changeIntent(p: { intent: IntentRef; stateBefore: unknown; details?: Record<string, unknown> | null }): AuditEvent {
    return make("CHANGE_INTENT", p.intent.actor, p.intent.request, {
      id: p.intent.id,
      ...changeColumns(p.intent.change),
      stateBefore: p.stateBefore ?? null,
      details: orNull(p.details),
    });
  },

  /** What RSA answered: SUCCESS, FAILURE (refused, or nothing sent) or UNKNOWN (sent, no readable answer). */
  changeOutcome(p: {
    intent: IntentRef;
    outcome: ChangeOutcome;
    failure?: FailureFacts;
    stateBefore: unknown;
    stateAfter: unknown;
    durationMs: number;
    details?: Record<string, unknown> | null;
  }): AuditEvent {
    return make("CHANGE_OUTCOME", p.intent.actor, p.intent.request, {
      ...changeColumns(p.intent.change),
      intentId: p.intent.id,
      outcome: p.outcome,
      rsaStatus: orNull(p.failure?.rsaStatus),
      errorCode: orNull(p.failure?.errorCode),
      stateBefore: p.stateBefore ?? null,
      stateAfter: p.stateAfter ?? null,
      durationMs: p.durationMs,
      details: orNull(p.details),
    });
  },

  /** What the reconciler later observed about a change left UNKNOWN or without an OUTCOME. */
  changeResolution(p: {
    intent: IntentRef;
    resolvedBy: AuditActor;
    resolution: ChangeResolution;
    stateBefore: unknown;
    observed: unknown;
    details: Record<string, unknown>;
  }): AuditEvent {
    // The row repeats the INTENT's actor so "what did this agent do" finds it;
    // who resolved it is in the details.
    return make("CHANGE_RESOLUTION", p.intent.actor, NO_REQUEST, {
      ...changeColumns(p.intent.change),
      intentId: p.intent.id,
      outcome: p.resolution,
      stateBefore: p.stateBefore ?? null,
      stateAfter: p.observed ?? null,
      details: { ...p.details, resolvedBy: describeActor(p.resolvedBy) },
    });
  },

  /** A change refused before RSA was asked to make it (state moved, busy, not allowed, lookup failed). */
  changeRefused(p: {
    actor: AuditActor;
    request: AuditRequest;
    change: ChangeFacts;
    errorCode: string;
    rsaStatus?: number | null;
    stateBefore?: unknown;
    details?: Record<string, unknown> | null;
  }): AuditEvent {
    return make("CHANGE_REFUSED", p.actor, p.request, {
      ...changeColumns(p.change),
      outcome: "REFUSED",
      errorCode: p.errorCode,
      rsaStatus: orNull(p.rsaStatus),
      stateBefore: p.stateBefore ?? null,
      details: orNull(p.details),
    });
  },

  signIn(p: {
    actor: AuditActor & { kind: "user" };
    request: AuditRequest;
    method: string;
    sessionId: string;
  }): AuditEvent {
    return make("SIGN_IN", p.actor, p.request, {
      outcome: "SUCCESS",
      details: { sessionId: p.sessionId, method: p.method },
    });
  },

  signInFailed(p: {
    actor: AuditActor;
    request: AuditRequest;
    outcome: SignInFailure;
    details?: Record<string, unknown> | null;
  }): AuditEvent {
    return make("SIGN_IN_FAILED", p.actor, p.request, { outcome: p.outcome, details: orNull(p.details) });
  },

  signOut(p: { actor: AuditActor & { kind: "user" }; sessionId: string }): AuditEvent {
    return make("SIGN_OUT", p.actor, NO_REQUEST, { outcome: "SUCCESS", details: { sessionId: p.sessionId } });
  },

  /** A page, route or action refused: who (if known) asked for what, and why. */
  accessDenied(p: {
    actor: AuditActor;
    request: AuditRequest;
    resource: string;
    reason: "UNAUTHENTICATED" | "FORBIDDEN";
    permission: string;
  }): AuditEvent {
    return make("ACCESS_DENIED", p.actor, p.request, {
      action: p.resource,
      outcome: "REFUSED",
      errorCode: p.reason,
      details: { permission: p.permission },
    });
  },

  auditExport(p: {
    actor: AuditActor;
    request: AuditRequest;
    format: "csv" | "jsonl";
    filters: string;
    asOf: Date;
  }): AuditEvent {
    return make("EXPORT", p.actor, p.request, {
      action: `EXPORT_${p.format.toUpperCase()}`,
      outcome: "SUCCESS",
      details: { filters: p.filters, asOf: p.asOf.toISOString() },
    });
  },

  /** A change to tokendesk's own users, from the administration page, the command line or single sign-on. */
  userAdmin(p: {
    actor: AuditActor;
    request: AuditRequest;
    action: UserAdminAction;
    target: { id: string | null; email: string };
    before: unknown;
    after: unknown;
    reason?: string | null;
    outcome?: "SUCCESS" | "REFUSED";
    details?: Record<string, unknown> | null;
  }): AuditEvent {
    return make("USER_ADMIN", p.actor, p.request, {
      action: p.action,
      outcome: p.outcome ?? "SUCCESS",
      reason: orNull(p.reason),
      stateBefore: p.before ?? null,
      stateAfter: p.after ?? null,
      details: { target: p.target, ...(p.details ?? {}) },
    });
  },

  /**
   * Live verification of a caller: started, then verified, denied, expired,
   * cancelled or unavailable on this tenant. The code the caller reads is
   * never recorded.
   */
  callerVerification(p: {
    actor: AuditActor;
    request: AuditRequest;
    rsaUserId: string;
    email: string | null;
    outcome: "STARTED" | "VERIFIED" | "DENIED" | "EXPIRED" | "CANCELLED" | "UNAVAILABLE" | "FAILED";
    method?: string | null;
    failure?: FailureFacts;
    details?: Record<string, unknown> | null;
  }): AuditEvent {
    return make("CALLER_VERIFICATION", p.actor, p.request, {
      action: "VERIFY_CALLER",
      rsaUserId: p.rsaUserId,
      outcome: p.outcome,
      rsaStatus: orNull(p.failure?.rsaStatus),
      errorCode: orNull(p.failure?.errorCode),
      details: { email: p.email, method: p.method ?? null, ...(p.details ?? {}) },
    });
  },

  /** A checkpoint of the chain head was taken (the checkpoint itself goes off the box). */
  checkpoint(p: { actor: AuditActor; request: AuditRequest; seq: string; hash: string }): AuditEvent {
    return make("AUDIT_CHECKPOINT", p.actor, p.request, {
      outcome: "SUCCESS",
      details: { seq: p.seq, hash: p.hash },
    });
  },
};

function describeActor(actor: AuditActor): string {
  switch (actor.kind) {
    case "user":
      return `${actor.name} <${actor.email}>`;
    case "anonymous":
      return actor.email ?? "anonymous";
    case "system":
      return actor.name;
  }
}

/** tokendesk's own background work (reconciler, scheduled verification) and commands. */
export const SYSTEM_ACTORS = {
  reconciler: { kind: "system", name: "tokendesk reconciler" },
  verifier: { kind: "system", name: "tokendesk chain verifier" },
  commandLine: { kind: "system", name: "command line" },
} as const satisfies Record<string, AuditActor>;
