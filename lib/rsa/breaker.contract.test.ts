import { describe, expect, it } from "vitest";
import { closedPort } from "@/lib/test-support/closed-port";
import { CLIENT_KINDS, rsaFailure, simulatedTenant } from "@/lib/test-support/rsa-client-tenant";
import { describeRsaFailure } from "@/lib/tokens/rsa-messages";
import { SEED_EXAMPLES as S } from "@/simulator/index";

/**
 * Risk 7: during an RSA outage every agent waited the whole time budget on
 * every attempt. After RSA_BREAKER_FAILURES calls in a row fail to reach RSA,
 * calls fail at once (nothing sent) until a background probe sees RSA answer.
 */

const tenant = simulatedTenant();
const vars = {
  RSA_TIMEOUT_MS: "300",
  RSA_TOTAL_TIMEOUT_MS: "800",
  RSA_BREAKER_FAILURES: "2",
  RSA_BREAKER_PROBE_SECONDS: "1",
};
const owner = S.userIds.assignedEnabledActivated;
const serial = S.assignedEnabledActivated;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

/** Waits until `check` holds (the probe runs in the background), or fails after `ms`. */
async function eventually(check: () => boolean, ms = 4000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("condition not reached in time");
    await sleep(50);
  }
}

describe.each(CLIENT_KINDS)("the circuit breaker (%s)", (kind) => {
  it("opens after repeated failures to reach RSA, then fails at once without sending anything", async () => {
    const client = tenant.client(kind, vars);
    const startedAt = Date.now();
    tenant.sim().setFault({ kind: "hang" });
    for (let i = 0; i < 2; i++) expect((await rsaFailure(client.lookupSidToken(serial))).kind).toBe("timeout");
    expect(client.availability()).toMatchObject({ state: "down" });

    const before = tenant.sim().requestCount();
    const { value: error, ms } = await timed(() => rsaFailure(client.lookupSidToken(serial)));
    expect(ms).toBeLessThan(100);
    expect(tenant.sim().requestCount()).toBe(before);
    expect(error).toMatchObject({ kind: "circuit_open", nothingSent: true, mayHaveBeenApplied: false });
    expect(Date.parse(error.downSince!)).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(client.availability().downSince).toBe(error.downSince);
    const hhmm = new Date(error.downSince!).toISOString().slice(11, 16);
    expect(describeRsaFailure(error, "lookup")).toMatch(
      new RegExp(`^RSA has not answered since ${hhmm} UTC; tokendesk is retrying in the background\\.`),
    );

    const change = await rsaFailure(client.disableSidToken(owner, serial));
    expect(change).toMatchObject({ kind: "circuit_open", mayHaveBeenApplied: false });
    expect(describeRsaFailure(change, "change")).toMatch(/Nothing was sent to RSA, so nothing was changed\./);
    expect(tenant.sim().requestCount()).toBe(before);
  });

  it("is closed again by the background probe as soon as RSA answers (its 404 for the probe serial)", async () => {
    const client = tenant.client(kind, vars);
    tenant.sim().setFault({ kind: "gateway-html", status: 503 });
    for (let i = 0; i < 2; i++) expect((await rsaFailure(client.lookupSidToken(serial))).kind).toBe("unavailable");
    expect(client.availability().state).toBe("down");

    await sleep(1300); // one probe, still refused by the gateway
    expect(client.availability().state).toBe("down");
    tenant.sim().clearFaults();
    await eventually(() => client.availability().state === "up");
    expect(client.availability()).toMatchObject({ state: "up", downSince: undefined });
    expect(Date.now() - Date.parse(client.availability().lastSuccessAt!)).toBeLessThan(5000);
    expect((await client.lookupSidToken(serial)).tokenStatus).toBe("Enabled");
  });

  it("is not opened by RSA's own refusals (404, 409, 403), nor by failures that a success interrupts", async () => {
    const client = tenant.client(kind, vars);
    for (let i = 0; i < 3; i++) await rsaFailure(client.lookupSidToken("999999999999"));
    for (let i = 0; i < 3; i++)
      await rsaFailure(client.enableSidToken(S.userIds.assignedDisabled, S.unassignedDisabled));
    tenant.sim().setFault({ kind: "credential-rejected", times: 6 });
    for (let i = 0; i < 3; i++) await rsaFailure(client.lookupSidToken(serial));
    tenant.sim().clearFaults();
    for (let i = 0; i < 3; i++) {
      tenant.sim().setFault({ kind: "server-error", times: 1 });
      expect((await rsaFailure(client.lookupSidToken(serial))).kind).toBe("unavailable");
      expect((await client.lookupSidToken(serial)).tokenSerialNumber).toBe(serial);
    }
    expect(client.availability().state).toBe("up");
  });
});

describe.each(["OAuth client (RSA key)", "OAuth client (EC key)"] as const)(
  "the breaker and the token endpoint (%s)",
  (kind) => {
    it("counts a token endpoint nobody answers as RSA not answering", async () => {
      const issuer = `http://127.0.0.1:${await closedPort()}/oauth`;
      const client = tenant.client(kind, { ...vars, RSA_OAUTH_ISSUER: issuer });
      for (let i = 0; i < 2; i++) expect((await rsaFailure(client.lookupSidToken(serial))).kind).toBe("network");
      expect(await rsaFailure(client.lookupSidToken(serial))).toMatchObject({ kind: "circuit_open" });
    });
  },
);

describe("RSA_BREAKER_FAILURES=0", () => {
  it("turns the breaker off: every call is tried", async () => {
    const client = tenant.legacyClient({ ...vars, RSA_BREAKER_FAILURES: "0" });
    tenant.sim().setFault({ kind: "server-error" });
    for (let i = 0; i < 4; i++) expect((await rsaFailure(client.lookupSidToken(serial))).kind).toBe("unavailable");
  });
});
