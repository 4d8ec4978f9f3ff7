import "server-only";
import { appendAuditEvent } from "@/lib/audit/append";
import { lastStatusChanges, type LastChange } from "@/lib/audit/serial-history";
import { knownOwner, type KnownOwner } from "@/lib/people/directory";
import { userActor } from "@/lib/audit/actors";
import { auditEvents } from "@/lib/audit/events";
import type { CurrentUser } from "@/lib/auth/current-user";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { logger } from "@/lib/logger";
import type { RequestContext } from "@/lib/request-context";
import { getRsaClient } from "@/lib/rsa/client";
import { RsaError } from "@/lib/rsa/errors";
import type { Ds100Credential, SidToken } from "@/lib/rsa/types";
import { describeRsaFailure } from "@/lib/tokens/rsa-messages";
import type { SerialKind } from "@/lib/tokens/serial";
import { allowedActions, ds100Snapshot, sidSnapshot, type TokenAction } from "@/lib/tokens/token-actions";

/** Who owns the token, as far as tokendesk has seen them, and the last change it made to it. */
interface Provenance {
  owner: KnownOwner | null;
  lastChange: LastChange | null;
}

export type LookupResult =
  | ({ found: true; kind: "SID700"; serial: string; token: SidToken; actions: TokenAction[] } & Provenance)
  | ({
      found: true;
      kind: "DS100";
      serial: string;
      credentials: Ds100Credential[];
      /** Credentials RSA returned that tokendesk could not read (shown as a count, never acted on). */
      hiddenCredentials: number;
      actions: TokenAction[];
    } & Provenance)
  | { found: false; serial: string };

type Attempt<T> = { value: T } | { error: RsaError };

async function attempt<T>(fn: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { value: await fn() };
  } catch (error) {
    if (error instanceof RsaError) return { error };
    throw error;
  }
}

const isNotFound = (a: Attempt<unknown> | null) => a !== null && "error" in a && a.error.kind === "not_found";

async function provenance(
  serial: string,
  ownerId: string | null,
  lastChanges: Promise<Map<string, LastChange>>,
): Promise<Provenance> {
  const [owner, changes] = await Promise.all([knownOwner(ownerId), lastChanges]);
  return { owner, lastChange: changes.get(serial) ?? null };
}

/** A DS100 device's credentials; an answer with none tokendesk can read is an unreadable answer, not "not found". */
async function readDs100Device(serial: string) {
  const device = await getRsaClient().lookupDs100Device(serial);
  if (device.credentials.length === 0 && device.hiddenCredentials > 0) {
    throw new RsaError("invalid_answer", "RSA answered ds100.lookup with no credential tokendesk can read", {
      httpStatus: 200,
      rsaDescription: `${device.hiddenCredentials} unreadable credential(s)`,
      sentRequest: true,
    });
  }
  return device;
}

/**
 * Looks a serial up in RSA — as a SID700 token (12 digits), a DS100 device
 * (9 digits) or both in parallel — and records who looked at what. The
 * answer waits for its audit row to be committed; what tokendesk knows of the
 * token (its owner's name, its last change) is read meanwhile, and the last
 * change (which needs only the serial) while RSA is asked.
 */
export async function lookupToken(
  actor: CurrentUser,
  query: { serial: string; kind: SerialKind },
  ctx: RequestContext,
): Promise<ActionResult<LookupResult>> {
  const lastChanges = lastStatusChanges([query.serial]);
  lastChanges.catch(() => {}); // awaited below when the token is found; a failure must not go unhandled meanwhile
  const [sid, ds100] = await Promise.all([
    query.kind !== "ds100" ? attempt(() => getRsaClient().lookupSidToken(query.serial)) : null,
    query.kind !== "sid700" ? attempt(() => readDs100Device(query.serial)) : null,
  ]);

  let result: LookupResult | null = null;
  let ownerId: string | null = null;
  if (sid && "value" in sid) {
    ownerId = sid.value.userId;
    result = {
      found: true,
      kind: "SID700",
      serial: query.serial,
      token: sid.value,
      actions: allowedActions("SID700", sidSnapshot(sid.value)),
      owner: null,
      lastChange: null,
    };
  } else if (ds100 && "value" in ds100 && ds100.value.credentials.length > 0) {
    const { credentials, hiddenCredentials } = ds100.value;
    ownerId = ds100Snapshot(credentials).userId;
    result = {
      found: true,
      kind: "DS100",
      serial: query.serial,
      credentials,
      hiddenCredentials,
      // A credential tokendesk cannot read might be changed too: offer nothing rather than act blind.
      actions: hiddenCredentials > 0 ? [] : allowedActions("DS100", ds100Snapshot(credentials)),
      owner: null,
      lastChange: null,
    };
  } else if (
    (sid === null || isNotFound(sid)) &&
    (ds100 === null || isNotFound(ds100) || ("value" in ds100 && ds100.value.credentials.length === 0))
  ) {
    result = { found: false, serial: query.serial };
  }

  const failure = result
    ? null
    : (([sid, ds100].find((a) => a && "error" in a && a.error.kind !== "not_found") as
        { error: RsaError } | undefined) ?? null);
  const known = result?.found ? provenance(query.serial, ownerId, lastChanges) : null;
  known?.catch(() => {}); // awaited once the audit row is written
  try {
    await appendAuditEvent(
      auditEvents.lookup({
        actor: userActor(actor),
        request: ctx,
        serial: query.serial,
        tokenType: result?.found
          ? result.kind
          : query.kind === "sid700"
            ? "SID700"
            : query.kind === "ds100"
              ? "DS100"
              : null,
        rsaUserId: result?.found
          ? result.kind === "SID700"
            ? result.token.userId
            : (result.credentials[0]?.userId ?? null)
          : null,
        outcome: result ? (result.found ? "FOUND" : "NOT_FOUND") : "FAILED",
        failure: failure
          ? { rsaStatus: failure.error.httpStatus ?? null, errorCode: failure.error.kind.toUpperCase() }
          : undefined,
        details: failure?.error.rsaDescription ? { rsaDescription: failure.error.rsaDescription } : null,
      }),
    );
  } catch (error) {
    logger().error({ err: error, requestId: ctx.requestId }, "audit write failed for a lookup");
    return fail(
      "AUDIT_UNAVAILABLE",
      "The audit trail could not be written, so the result is not shown. Try again; if it keeps happening, tell your administrator.",
      {
        referenceId: ctx.requestId,
      },
    );
  }

  if (result?.found && known) Object.assign(result, await known);
  if (result || !failure) return ok(result ?? { found: false, serial: query.serial });
  logger().warn(
    {
      requestId: ctx.requestId,
      kind: failure.error.kind,
      rsaStatus: failure.error.httpStatus,
      rsa: failure.error.rsaDescription,
    },
    "RSA lookup failed",
  );
  return fail(`RSA_${failure.error.kind.toUpperCase()}`, describeRsaFailure(failure.error, "lookup"), {
    referenceId: ctx.requestId,
    details: failure.error.retryAfterMs ? { retryAfterMs: failure.error.retryAfterMs } : undefined,
  });
}
