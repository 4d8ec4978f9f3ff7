import "server-only";
import type { RsaAvailability } from "@/lib/rsa/breaker";
import { peekRsaClient } from "@/lib/rsa/client";

export type { RsaAvailability } from "@/lib/rsa/breaker";

/**
 * Whether RSA is answering this instance, for the desk banner and /api/ready:
 * "down" while the circuit breaker makes calls fail at once (with `downSince`),
 * "up" once RSA has answered, "unknown" before any call. Per instance, like
 * the bearer cache; it never calls RSA itself.
 */
export function rsaAvailability(): RsaAvailability {
  return peekRsaClient()?.availability() ?? { state: "unknown" };
}
