import { randomInt, randomUUID } from "node:crypto";
import { notFound } from "./errors";
import type { EmergencyAccessStatus, EmergencyCode } from "./records";

/**
 * Emergency access codes (calls 14 and 15). A user has at most one: issuing a
 * new one replaces the older, whose id is then unknown. The code itself is a
 * secret read out to the caller once (REFERENCE.md), so it is drawn fresh for
 * the answer and never kept — not here, not in a log line.
 */

export const EMERGENCY_CODE_DIGITS = 8;

export interface EmergencyCodeAnswer {
  emergencyTokencodeId: string;
  emergencyTokencode: string;
  expirationDate: string;
  offlineExpirationDate: string;
  oneTimeUse: boolean;
  configurationsLocked: boolean;
}

export class EmergencyCodes {
  private codes = new Map<string, EmergencyCode>();

  constructor(private readonly now: () => number) {}

  load(codes: readonly EmergencyCode[]): void {
    this.codes = new Map(codes.map((c) => [c.userId, { ...c }]));
  }

  /** Call 14: a new code for `minutes`, replacing any older one of the user. */
  issue(userId: string, minutes: number, oneTimeUse: boolean): EmergencyCodeAnswer {
    const expirationDate = new Date(this.now() + minutes * 60_000).toISOString();
    // Offline codes (for machines without a connection) are issued with the same lifetime.
    const code: EmergencyCode = {
      id: randomUUID(),
      userId,
      expirationDate,
      offlineExpirationDate: expirationDate,
      oneTimeUse,
    };
    this.codes.set(userId, code);
    return {
      emergencyTokencodeId: code.id,
      emergencyTokencode: String(randomInt(0, 10 ** EMERGENCY_CODE_DIGITS)).padStart(EMERGENCY_CODE_DIGITS, "0"),
      expirationDate: code.expirationDate,
      offlineExpirationDate: code.offlineExpirationDate,
      oneTimeUse: code.oneTimeUse,
      configurationsLocked: false,
    };
  }

  /** Call 15: 404 unless `id` is the user's current code (an expired one may still be cancelled). */
  cancel(userId: string, id: string): void {
    const code = this.codes.get(userId);
    if (!code || code.id !== id) throw notFound(`Emergency tokencode ${id} not found for user ${userId}`);
    this.codes.delete(userId);
  }

  /** What the user record shows about the user's code right now. */
  statusOf(userId: string): {
    emergencyAccessStatus: EmergencyAccessStatus;
    emergencyTokencodeExpiration: string | null;
  } {
    const code = this.codes.get(userId);
    if (!code) return { emergencyAccessStatus: "NONE", emergencyTokencodeExpiration: null };
    const active = Date.parse(code.expirationDate) > this.now();
    return { emergencyAccessStatus: active ? "ACTIVE" : "EXPIRED", emergencyTokencodeExpiration: code.expirationDate };
  }

  current(userId: string): EmergencyCode | undefined {
    const code = this.codes.get(userId);
    return code && { ...code };
  }
}
