import "server-only";
import { db } from "@/lib/db";

/**
 * Slows password guessing: after five failed sign-ins for one email within
 * fifteen minutes, further attempts for it are refused until the window has
 * passed. Counted from the audit trail (which every instance shares), and for
 * unknown emails too, so the refusal does not reveal whether an account exists.
 */
export const MAX_FAILED_SIGN_INS = 5;
export const THROTTLE_WINDOW_MINUTES = 15;

export class SignInThrottledError extends Error {
  constructor() {
    super(`too many failed sign-ins in the last ${THROTTLE_WINDOW_MINUTES} minutes`);
    this.name = "SignInThrottledError";
  }
}

/** Failed attempts (not counting refusals by this throttle itself) for the email in the window. */
export async function recentFailedSignIns(email: string): Promise<number> {
  const [row] = await db().$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM audit_events
     WHERE type = 'SIGN_IN_FAILED' AND actor_email = ${email}
       AND outcome <> 'THROTTLED'
       AND occurred_at > now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})`;
  return Number(row?.count ?? 0);
}
