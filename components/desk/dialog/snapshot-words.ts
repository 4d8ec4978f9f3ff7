import type { TokenSnapshot } from "@/lib/tokens/token-actions";

/** A token's status or state in the desk's words ("unknown" rather than a blank for a value RSA sent that tokendesk does not know). */
export function snapshotWords(snapshot: TokenSnapshot, aspect: "status" | "state"): string {
  const value = aspect === "status" ? snapshot.tokenStatus : snapshot.tokenState;
  if (value === null) return aspect === "status" ? "an unknown status" : "an unknown state";
  return value;
}
