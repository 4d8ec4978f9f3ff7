import "server-only";
import { CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from "cockatiel";
import { RsaError } from "@/lib/rsa/errors";

/** What the desk banner and /api/ready show about RSA. */
export interface RsaAvailability {
  /** "unknown" until RSA has answered once; "down" while calls fail at once. */
  state: "up" | "down" | "unknown";
  /** ISO 8601: the first failure of the run that opened the circuit. */
  downSince?: string;
  /** ISO 8601: the last time RSA answered anything (a 404 or 409 is an answer). */
  lastSuccessAt?: string;
}

/** Failures to reach RSA: it did not answer, or something in front of it answered in its place. */
export function failedToReachRsa(error: RsaError): boolean {
  return error.kind === "timeout" || error.kind === "network" || error.kind === "unavailable";
}

/** Failures that say nothing about RSA (nothing reached it): they neither open nor close the circuit. */
function saysNothingAboutRsa(error: RsaError): boolean {
  return (
    error.kind === "not_configured" || error.kind === "circuit_open" || (!error.sentRequest && !failedToReachRsa(error))
  );
}

type Observed<T> = { ok: true; value: T } | { ok: false; error: RsaError };

function unwrap<T>(observed: Observed<T>): T {
  if (observed.ok) return observed.value;
  throw observed.error;
}

/** Thrown inside the policy so cockatiel counts it; carries the RsaError out again. */
class Unreachable extends Error {
  constructor(readonly error: RsaError) {
    super(error.message);
  }
}

export interface BreakerOptions {
  /** Consecutive calls that failed to reach RSA before calls fail at once; 0 turns the breaker off. */
  failures: number;
  /** How often the background probe asks RSA whether it is back. */
  probeMs: number;
  /** A harmless call; a business 404 counts as RSA answering. */
  probe: () => Promise<unknown>;
  now: () => number;
}

/**
 * After `failures` consecutive calls that could not reach RSA, calls fail at
 * once (circuit_open, nothing sent) instead of each agent waiting out the
 * whole time budget. Agents' calls are never the test call: a background
 * probe asks RSA every `probeMs` and closes the circuit when RSA answers.
 * cockatiel keeps the count and the state machine.
 */
export class RsaBreaker {
  private readonly policy: CircuitBreakerPolicy;
  private probeTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private firstFailureAt: number | null = null;
  private downSinceMs: number | null = null;
  private lastSuccessMs: number | null = null;

  constructor(private readonly options: BreakerOptions) {
    this.policy = circuitBreaker(
      handleWhen((e) => e instanceof Unreachable),
      { halfOpenAfter: 0, breaker: new ConsecutiveBreaker(Math.max(1, options.failures)) },
    );
    this.policy.onBreak(() => {
      this.downSinceMs ??= this.firstFailureAt ?? options.now();
      this.scheduleProbe();
    });
    this.policy.onReset(() => {
      this.downSinceMs = null;
    });
  }

  /** Runs one call through the breaker, or fails at once while RSA is down. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    const off = this.options.failures <= 0;
    // Checked and entered in the same tick: an agent's call is never the half-open test.
    if (!off && this.policy.state !== CircuitState.Closed) throw this.openError();
    try {
      return unwrap(await (off ? this.observe(call) : this.policy.execute(() => this.observe(call))));
    } catch (error) {
      throw error instanceof Unreachable ? error.error : error;
    }
  }

  availability(): RsaAvailability {
    const iso = (ms: number | null) => (ms === null ? undefined : new Date(ms).toISOString());
    const state = this.downSinceMs !== null ? "down" : this.lastSuccessMs !== null ? "up" : "unknown";
    return { state, downSince: iso(this.downSinceMs), lastSuccessAt: iso(this.lastSuccessMs) };
  }

  /** Stops the background probe (a client that is thrown away). */
  dispose(): void {
    this.closed = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = null;
  }

  /**
   * Records what the call says about RSA. RSA's refusals (404, 409, 403 ...)
   * come back as values, so cockatiel counts them as RSA answering; failures
   * to reach RSA are thrown as Unreachable, which cockatiel counts against it.
   */
  private async observe<T>(call: () => Promise<T>): Promise<Observed<T>> {
    try {
      const value = await call();
      this.answered();
      return { ok: true, value };
    } catch (error) {
      if (!(error instanceof RsaError) || saysNothingAboutRsa(error)) throw error;
      if (!failedToReachRsa(error)) {
        this.answered();
        return { ok: false, error };
      }
      this.firstFailureAt ??= this.options.now();
      throw new Unreachable(error);
    }
  }

  private answered(): void {
    this.lastSuccessMs = this.options.now();
    this.firstFailureAt = null;
  }

  private openError(): RsaError {
    const downSince = new Date(this.downSinceMs ?? this.options.now()).toISOString();
    return new RsaError("circuit_open", `RSA has not answered since ${downSince}; not sent, a probe is retrying`, {
      sentRequest: false,
      downSince,
    });
  }

  /** A method, not the getter inline: TypeScript would keep a narrowing across the probe's await. */
  private isClosed(): boolean {
    return this.policy.state === CircuitState.Closed;
  }

  private scheduleProbe(): void {
    if (this.closed || this.probeTimer) return;
    this.probeTimer = setTimeout(() => void this.runProbe(), this.options.probeMs);
    this.probeTimer.unref();
  }

  private async runProbe(): Promise<void> {
    this.probeTimer = null;
    if (this.closed || this.isClosed()) return;
    try {
      // In the open state this is cockatiel's half-open test: an answer closes the circuit, a failure re-opens it.
      await this.policy.execute(() => this.observe(this.options.probe));
    } catch {
      // Already counted by the policy: a failure re-opened the circuit, RSA's answer (even a 404) closed it.
    }
    if (!this.isClosed()) this.scheduleProbe();
  }
}
