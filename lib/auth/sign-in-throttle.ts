import "server-only";
import { db } from "@/lib/db";

/**
 * Slows password guessing. Every attempt is counted BEFORE its password is
 * checked, in one atomic statement per key (a row per e-mail and per client
 * address), so a burst of parallel guesses cannot slip past the limit: at
 * most MAX_ATTEMPTS_PER_EMAIL passwords are ever checked for one e-mail in a
 * window. Unknown e-mails are counted alike, so a refusal says nothing about
 * whether an account exists. A successful sign-in clears its e-mail's count.
 * The counts live in PostgreSQL, so every instance shares them.
 */
export const MAX_ATTEMPTS_PER_EMAIL = 5;
/** Higher: a help desk behind one NAT address signs in from many desks. */
export const MAX_ATTEMPTS_PER_ADDRESS = 50;
export const THROTTLE_WINDOW_MINUTES = 15;

/** Kept for callers that speak of failures: five failures use up the five attempts. */
export const MAX_FAILED_SIGN_INS = MAX_ATTEMPTS_PER_EMAIL;

export type ThrottleScope = "email" | "address";

export class SignInThrottledError extends Error {
  constructor(readonly scope: ThrottleScope) {
    super(`too many sign-in attempts (${scope}) in the last ${THROTTLE_WINDOW_MINUTES} minutes`);
    this.name = "SignInThrottledError";
  }
}

/** Counts one attempt for a key and returns the count in the current window. */
async function countAttempt(key: string): Promise<number> {
  const [row] = await db().$queryRaw<{ attempts: number }[]>`
    INSERT INTO sign_in_attempts (key, window_started_at, attempts) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      attempts = CASE WHEN sign_in_attempts.window_started_at < now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})
                      THEN 1 ELSE sign_in_attempts.attempts + 1 END,
      window_started_at = CASE WHEN sign_in_attempts.window_started_at < now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})
                      THEN now() ELSE sign_in_attempts.window_started_at END
    RETURNING attempts`;
  return row?.attempts ?? 0;
}

const emailKey = (email: string) => `email:${email.toLowerCase()}`;
const addressKey = (address: string) => `ip:${address}`;

/** Counts this attempt; throws SignInThrottledError when its password must not be checked. */
export async function admitSignInAttempt(email: string, clientIp: string | null): Promise<void> {
  const [forEmail, forAddress] = await Promise.all([
    countAttempt(emailKey(email)),
    clientIp ? countAttempt(addressKey(clientIp)) : Promise.resolve(0),
  ]);
  if (forEmail > MAX_ATTEMPTS_PER_EMAIL) throw new SignInThrottledError("email");
  if (forAddress > MAX_ATTEMPTS_PER_ADDRESS) throw new SignInThrottledError("address");
}

/** A right password: the e-mail starts afresh, and the address gets this attempt back. */
export async function forgetSuccessfulAttempt(email: string, clientIp: string | null): Promise<void> {
  await db().$executeRaw`DELETE FROM sign_in_attempts WHERE key = ${emailKey(email)}`;
  if (clientIp) {
    await db().$executeRaw`
      UPDATE sign_in_attempts SET attempts = GREATEST(attempts - 1, 0) WHERE key = ${addressKey(clientIp)}`;
  }
}

/** An administrator reset the password: the user may try again at once. */
export async function clearSignInAttempts(email: string): Promise<void> {
  await db().$executeRaw`DELETE FROM sign_in_attempts WHERE key = ${emailKey(email)}`;
}
