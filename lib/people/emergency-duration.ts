import type { EmergencyExpiryUnit } from "@/lib/rsa/help-desk-types";

/**
 * How long an emergency access code may work: from 1 minute to 7 days [vendor].
 * Browser-safe: the dialog checks as the agent types, the server again.
 */
const MINUTES: Record<EmergencyExpiryUnit, number> = { minutes: 1, hours: 60, days: 24 * 60 };
const MAX_MINUTES = 7 * 24 * 60;

export function emergencyDurationProblem(value: number, unit: EmergencyExpiryUnit): string | null {
  if (!Number.isInteger(value) || value < 1) return "Type a whole number of at least 1.";
  if (value * MINUTES[unit] > MAX_MINUTES) return "An emergency access code can work for at most 7 days.";
  return null;
}

/** The sensible default for "left the token at home": until the end of tomorrow, one working day. */
export const DEFAULT_EMERGENCY_DURATION = {
  expiryValue: 1,
  expiryUnit: "days" as EmergencyExpiryUnit,
  oneTimeUse: false,
};
