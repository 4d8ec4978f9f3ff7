/**
 * Live verification in words. RSA's field set for call 16 comes from
 * third-party clients, so its status words are matched loosely; a word
 * tokendesk does not know is shown as RSA sent it. Browser-safe.
 */
export type VerificationPhase = "pending" | "verified" | "denied" | "expired" | "cancelled" | "unknown";

export function verificationPhase(status: string | null): VerificationPhase {
  const s = (status ?? "").toLowerCase();
  if (/verified|success|approved|accept/.test(s)) return "verified";
  if (/den(y|ied)|fail|reject/.test(s)) return "denied";
  if (/expire|timeout|timed/.test(s)) return "expired";
  if (/cancel/.test(s)) return "cancelled";
  if (/pending|progress|wait|sent|start/.test(s)) return "pending";
  return "unknown";
}

const METHOD_WORDS: Record<string, string> = { PUSH: "by push", CODE: "by code" };

export function methodWords(method: string | null): string {
  if (!method) return "";
  return METHOD_WORDS[method.toUpperCase()] ?? `by ${method.toLowerCase()}`;
}

export const VERIFICATION_SENTENCES = {
  unavailable: "Live verification is not available on this tenant.",
  pending:
    "Waiting for the caller: RSA sent an approval request to their phone. If they cannot approve it, ask them for the code their authenticator shows.",
  denied: "The caller denied the request, or the code was wrong: the caller is not verified.",
  expired: "The verification expired before the caller answered: the caller is not verified.",
  cancelled: "The verification was cancelled: the caller is not verified.",
  unknown: "RSA answered the verification with a status tokendesk does not know.",
} as const;
