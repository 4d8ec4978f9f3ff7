import "server-only";
import { RsaError } from "@/lib/rsa/errors";

/** Connection errors that mean the request never left this machine. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNABORTED",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * fetch with a hard deadline on the whole exchange (headers and body), mapping
 * what goes wrong to `timeout` or `network` with whether anything was sent.
 */
/** An HTTP answer read in full: status, headers and body text. */
export interface RawAnswer {
  status: number;
  headers: Headers;
  body: string;
}

export async function fetchWithTimeout(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit & { timeoutMs: number },
): Promise<RawAnswer> {
  const { timeoutMs, ...requestInit } = init;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const timedOut = () => new RsaError("timeout", `RSA did not answer within ${timeoutMs} ms`, { sentRequest: true });
  try {
    const response = await fetchImpl(url, { ...requestInit, signal: controller.signal });
    // The body is read under the same deadline: a server may send headers and then hang.
    const body = await response.text();
    clearTimeout(timer);
    return { status: response.status, headers: response.headers, body };
  } catch (error) {
    clearTimeout(timer);
    if (controller.signal.aborted) throw timedOut();
    const code = errorCode(error);
    const sent = !(code && NOT_SENT_CODES.has(code));
    throw new RsaError("network", `RSA could not be reached${code ? ` (${code})` : ""}`, {
      sentRequest: sent,
      rsaDescription: code,
      cause: error,
    });
  }
}
