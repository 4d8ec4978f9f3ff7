import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import type { RsaError } from "@/lib/rsa/errors";
import type { TransportOptions } from "@/lib/rsa/transport";
import { CLIENT_KINDS, rsaFailure, simulatedTenant } from "@/lib/test-support/rsa-client-tenant";
import { describeRsaFailure } from "@/lib/tokens/rsa-messages";
import { SEED_EXAMPLES as S } from "@/simulator/index";

/**
 * An emergency access code is read out to the caller once and is never to be
 * logged (REFERENCE.md). Whatever happens to the answer that carries it, the
 * client's errors (every field, its message, its cause, however it is
 * printed) and its onAttempt events must not contain it.
 *
 * The simulator issues real codes; what it cannot do is send the code in an
 * answer the client then refuses, so a fetch wrapper takes the tenant's real
 * answer, notes the code, and mangles the answer in the ways a proxy or a
 * future tenant might.
 */

const tenant = simulatedTenant();
const user = S.users.newHire.id;
const request = { oneTimeUse: true, expiryUnit: "hours", expiryValue: 2 } as const;

type Mangle = (answer: Record<string, unknown>, text: string) => { status: number; body: string; type?: string };

const MANGLES: Record<string, Mangle> = {
  "the code id missing (a 200 tokendesk cannot use)": (a) => ({
    status: 200,
    body: JSON.stringify({ ...a, emergencyTokencodeId: null }),
  }),
  "the code sent as a number": (a) => ({
    status: 200,
    body: JSON.stringify({ ...a, emergencyTokencode: Number(a.emergencyTokencode) }),
  }),
  "the whole answer behind a 500": (_a, text) => ({ status: 500, body: text }),
  "the whole answer behind a 502 page": (_a, text) => ({
    status: 502,
    body: `<html><p>${text}</p></html>`,
    type: "text/html",
  }),
  "the answer echoed in RSA's own error words": (a) => ({
    status: 400,
    body: JSON.stringify({ code: "400 BAD_REQUEST", description: `Code ${String(a.emergencyTokencode)} rejected` }),
  }),
  "the answer echoed as a 404 page": (_a, text) => ({ status: 404, body: text, type: "text/plain" }),
  "the answer cut off before the code ends": (_a, text) => ({ status: 200, body: text.slice(0, text.length - 20) }),
};

/** A fetch that lets the tenant answer call 14, remembers the code, and hands the client a mangled answer. */
function mangling(mangle: Mangle, seen: { code?: string }): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (init?.method !== "PUT") return response;
    const text = await response.text();
    const answer = JSON.parse(text) as Record<string, unknown>;
    seen.code = String(answer.emergencyTokencode);
    const out = mangle(answer, text);
    return new Response(out.body, { status: out.status, headers: { "content-type": out.type ?? "application/json" } });
  };
}

/** Every way an error can end up in a log line or a message. */
function everyRendering(error: RsaError): string {
  return [
    JSON.stringify(error),
    JSON.stringify({ ...error }),
    inspect(error, { depth: 5, showHidden: true }),
    String(error),
    error.stack ?? "",
    error.message,
    error.rsaDescription ?? "",
    error.rsaCode ?? "",
    inspect(error.cause, { depth: 5 }),
    describeRsaFailure(error, "change"),
  ].join("\n");
}

describe.each(CLIENT_KINDS)("an emergency access code never leaves the client but as its answer (%s)", (kind) => {
  it("is not in any attempt event of a successful issue", async () => {
    const events: unknown[] = [];
    const issued = await tenant
      .client(kind, {}, { onAttempt: (e) => events.push(e) })
      .issueEmergencyAccessCode(user, request);
    expect(issued.emergencyTokencode).toMatch(/^\d{8}$/);
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(issued.emergencyTokencode);
  });

  it.each(Object.entries(MANGLES))("is in no error nor event when %s", async (_name, mangle) => {
    const seen: { code?: string } = {};
    const events: unknown[] = [];
    const options: TransportOptions = { fetch: mangling(mangle, seen), onAttempt: (e) => events.push(e) };
    const error = await rsaFailure(tenant.client(kind, {}, options).issueEmergencyAccessCode(user, request));
    expect(seen.code).toMatch(/^\d{8}$/);
    expect(everyRendering(error)).not.toContain(seen.code);
    expect(JSON.stringify(events)).not.toContain(seen.code);
  });
});
