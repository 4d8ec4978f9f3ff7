import "server-only";
import { appendAuditEvent } from "@/lib/audit/append";
import { userActor } from "@/lib/audit/actors";
import { auditEvents } from "@/lib/audit/events";
import type { CurrentUser } from "@/lib/auth/current-user";
import { fail, ok, type ActionResult } from "@/lib/action-result";
import { logger } from "@/lib/logger";
import { displayName, rememberUsers } from "@/lib/people/directory";
import type { RequestContext } from "@/lib/request-context";
import { getRsaClient } from "@/lib/rsa/client";
import { RsaError } from "@/lib/rsa/errors";
import type { RsaUser } from "@/lib/rsa/user-types";
import { describeRsaFailure } from "@/lib/tokens/rsa-messages";

const REFUSED_SEARCH =
  "RSA did not accept this search. Check the spelling with the caller, or search by the e-mail address.";

/** One line of a search's list of people. */
export interface PersonMatch {
  id: string;
  email: string | null;
  name: string | null;
  userStatus: string | null;
  identitySource: string | null;
}

export interface PeopleFound {
  /** What RSA was asked for (a literal part of e-mail addresses). */
  searched: string;
  matches: PersonMatch[];
  /** How many more matched than are listed; `atLeast` when RSA had even more than tokendesk asked for. */
  more: { count: number; atLeast: boolean } | null;
}

/** Listed at once; more than this and the agent is asked to type more. */
export const LISTED = 8;
/** Asked of RSA in one page: enough to say how many more there are. */
const FETCHED = 50;

export const toMatch = (user: RsaUser): PersonMatch => ({
  id: user.id,
  email: user.emailAddress,
  name: displayName(user),
  userStatus: user.userStatus,
  identitySource: user.identitySource,
});

/**
 * RSA's user search v2 with a part of an e-mail address (a name is searched as
 * "first.last"; if that finds nobody, by its last word). Everyone seen is kept
 * in the local directory; the search itself is audited like a lookup.
 */
export async function findPeople(
  actor: CurrentUser,
  search: { emailLike: string },
  ctx: RequestContext,
): Promise<ActionResult<PeopleFound>> {
  const rsa = getRsaClient();
  let searched = search.emailLike;
  let failure: RsaError | null = null;
  let users: RsaUser[] = [];
  let full = false;
  try {
    let page = await rsa.searchUsers(searched, { pageSize: FETCHED });
    const lastWord = searched.split(".").at(-1) ?? "";
    if (page.users.length === 0 && searched.includes(".") && lastWord.length >= 2) {
      searched = lastWord;
      page = await rsa.searchUsers(searched, { pageSize: FETCHED });
    }
    users = page.users;
    full = page.mayHaveMore;
  } catch (error) {
    if (!(error instanceof RsaError)) throw error;
    failure = error;
  }

  await rememberUsers(users).catch((error) =>
    logger().warn({ err: error, requestId: ctx.requestId }, "could not remember users in the directory"),
  );
  try {
    await appendAuditEvent(
      auditEvents.lookup({
        actor: userActor(actor),
        request: ctx,
        action: "USER_SEARCH",
        serial: null,
        tokenType: null,
        rsaUserId: users.length === 1 ? users[0]!.id : null,
        outcome: failure ? "FAILED" : users.length > 0 ? "FOUND" : "NOT_FOUND",
        failure: failure ? { rsaStatus: failure.httpStatus ?? null, errorCode: failure.kind.toUpperCase() } : undefined,
        details: { query: searched, matches: users.length },
      }),
    );
  } catch (error) {
    logger().error({ err: error, requestId: ctx.requestId }, "audit write failed for a user search");
    return fail("AUDIT_UNAVAILABLE", AUDIT_UNAVAILABLE, { referenceId: ctx.requestId });
  }
  if (failure) {
    // RSA refusing what was typed is about the caller's address, not a serial: say so.
    const message =
      failure.kind === "bad_request" && !failure.nothingSent ? REFUSED_SEARCH : describeRsaFailure(failure, "lookup");
    return fail(`RSA_${failure.kind.toUpperCase()}`, message, {
      referenceId: ctx.requestId,
    });
  }
  const matches = users.map(toMatch);
  const extra = matches.length - LISTED;
  return ok({
    searched,
    matches: matches.slice(0, LISTED),
    more: extra > 0 ? { count: extra, atLeast: full } : null,
  });
}

export const AUDIT_UNAVAILABLE =
  "The audit trail could not be written, so the result is not shown. Try again; if it keeps happening, tell your administrator.";
