import type { z } from "zod";
import type { ChangeResolution } from "@/lib/audit/events";

/**
 * What one kind of change (disable a token, clear a PIN, issue an emergency
 * access code…) tells the one change path (change-token.ts) and the
 * reconciler: how to read the state it acts on, when to refuse, how to ask
 * RSA, and how to tell afterwards from a fresh read whether it happened.
 *
 * `State` must be plain JSON: it is recorded in the audit as the state before
 * and after, and the reconciler reads it back from there.
 */
export interface ChangeDefinition<Input, State> {
  /** Upper-case name recorded as the audit row's action, e.g. "DISABLE". */
  action: string;
  /** What one lock covers: one change at a time per token, or per user. */
  lockKey(input: Input): string;
  /** The audit columns that say what was changed. */
  target(input: Input, before: State | null): ChangeTarget;
  /** What the reconciler needs to read the state again later. Never a secret. */
  recordedInput(input: Input): Record<string, unknown>;
  parseRecordedInput(value: unknown): Input | null;
  parseState(value: unknown): State | null;
  /** A fresh read from RSA (throws RsaError). */
  read(input: Input): Promise<State>;
  /** Why the change must not be made in this state; null to go ahead. */
  refusal(input: Input, before: State): ChangeRefusal | null;
  /** Asks RSA to make the change (throws RsaError). */
  send(input: Input, before: State): Promise<SentChange<State>>;
  /** What a state read after the attempt says about whether it was applied. */
  judge(input: Input, before: State, observed: State): ChangeResolution;
}

export interface ChangeTarget {
  serial: string | null;
  tokenType: string | null;
  rsaUserId: string | null;
}

export interface ChangeRefusal {
  code: "STATE_CHANGED" | "NOT_ALLOWED";
  message: string;
  /** For the agent's screen (e.g. the current state); recorded in the audit too. */
  details?: Record<string, unknown>;
}

export interface SentChange<State> {
  after: State;
  /**
   * Shown to the agent once and never recorded anywhere (an emergency access
   * code): the change path hands it back but keeps it out of every audit row.
   */
  reveal?: Record<string, string>;
}

/** A definition's parseRecordedInput / parseState from its zod schema: what an audit row holds, or null. */
export function parsedOrNull<T>(schema: z.ZodType<T>): (value: unknown) => T | null {
  return (value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : null;
  };
}
