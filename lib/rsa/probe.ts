/**
 * A serial no real token has: RSA's business 404 for it proves RSA answers
 * (and accepts tokendesk's credential) without touching anything. Used by
 * `npm run rsa:check` and by the circuit breaker's background probe.
 */
export const PROBE_SERIAL = "000000000000";
