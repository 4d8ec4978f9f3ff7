import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { createRsaClient } from "@/lib/rsa/client";
import { closedPort } from "@/lib/test-support/closed-port";
import { loadRsaConfig } from "@/lib/rsa/config";
import { rsaFailure, simulatedTenant } from "@/lib/test-support/rsa-client-tenant";
import { SEED_EXAMPLES as S, type SimulatorFault } from "@/simulator/index";

const tenant = simulatedTenant();
const budget = { RSA_TIMEOUT_MS: "400", RSA_TOTAL_TIMEOUT_MS: "1500", RSA_RETRY_AFTER_CAP_MS: "1000" };
const owner = S.userIds.assignedEnabledActivated;
const serial = S.assignedEnabledActivated;

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - started };
}

/** Requests the simulator received while `fn` ran. */
async function counted<T>(fn: () => Promise<T>): Promise<{ value: T; requests: number }> {
  const before = tenant.sim().requestCount();
  const value = await fn();
  return { value, requests: tenant.sim().requestCount() - before };
}

function fault(f: SimulatorFault) {
  tenant.sim().setFault(f);
}

describe("faults: each gives its typed error, retries only where allowed, within the time budget", () => {
  it("a lookup survives two gateway errors (502, 503 with HTML) by retrying", async () => {
    fault({ kind: "gateway-html", status: 502, times: 1, serial });
    fault({ kind: "gateway-html", status: 503, times: 1, serial });
    const { value, requests } = await counted(() => tenant.legacyClient(budget).lookupSidToken(serial));
    expect(value.tokenSerialNumber).toBe(serial);
    expect(requests).toBe(3);
  });

  it("a lookup gives up after two retries with 'unavailable' and the HTML page noted", async () => {
    fault({ kind: "gateway-html", status: 504 });
    const { value: error, requests } = await counted(() =>
      rsaFailure(tenant.legacyClient(budget).lookupSidToken(serial)),
    );
    expect(error).toMatchObject({ kind: "unavailable", httpStatus: 504 });
    expect(error.rsaDescription).toMatch(/HTML page/);
    expect(requests).toBe(3);
  });

  it("a change is never retried: a gateway error is reported after one request and the token is unchanged", async () => {
    fault({ kind: "gateway-html", status: 503, operations: ["change"] });
    const { value: error, requests } = await counted(() =>
      rsaFailure(tenant.legacyClient(budget).disableSidToken(owner, serial)),
    );
    expect(error).toMatchObject({ kind: "unavailable", httpStatus: 503 });
    expect(requests).toBe(1);
  });

  it("500 is not retried, even for a lookup", async () => {
    fault({ kind: "server-error", serial });
    const { value: error, requests } = await counted(() =>
      rsaFailure(tenant.legacyClient(budget).lookupSidToken(serial)),
    );
    expect(error).toMatchObject({ kind: "unavailable", httpStatus: 500 });
    expect(requests).toBe(1);
  });

  it("429 with a short Retry-After is waited out for a lookup", async () => {
    fault({ kind: "rate-limit", retryAfterSeconds: 1, times: 1, serial });
    const { value, ms } = await timed(() => counted(() => tenant.legacyClient(budget).lookupSidToken(serial)));
    expect(value.requests).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(950);
  });

  it("429 with a Retry-After beyond the cap fails fast and says how long to wait", async () => {
    fault({ kind: "rate-limit", retryAfterSeconds: 30, serial });
    const { value, ms } = await timed(() =>
      counted(() => rsaFailure(tenant.legacyClient(budget).lookupSidToken(serial))),
    );
    expect(value.value).toMatchObject({ kind: "rate_limited", retryAfterMs: 30_000 });
    expect(value.requests).toBe(1);
    expect(ms).toBeLessThan(500);
  });

  it("429 without Retry-After is retried with backoff for a lookup, never for a change", async () => {
    fault({ kind: "rate-limit", serial });
    const lookup = await counted(() => rsaFailure(tenant.legacyClient(budget).lookupSidToken(serial)));
    expect(lookup.value).toMatchObject({ kind: "rate_limited", retryAfterMs: undefined });
    expect(lookup.requests).toBe(3);
    const change = await counted(() => rsaFailure(tenant.legacyClient(budget).enableSidToken(owner, serial)));
    expect(change.value.kind).toBe("rate_limited");
    expect(change.requests).toBe(1);
  });

  it("persistent rate limiting never runs past the total budget", async () => {
    fault({ kind: "rate-limit", retryAfterSeconds: 1, serial });
    const { value: error, ms } = await timed(() => rsaFailure(tenant.legacyClient(budget).lookupSidToken(serial)));
    expect(error.kind).toBe("rate_limited");
    expect(ms).toBeLessThan(1500 + 250);
  });

  it("a hang ends as a timeout after the per-attempt limit, without a retry", async () => {
    fault({ kind: "hang", serial });
    const { value, ms } = await timed(() =>
      counted(() => rsaFailure(tenant.legacyClient(budget).lookupSidToken(serial))),
    );
    expect(value.value).toMatchObject({ kind: "timeout", sentRequest: true });
    expect(value.requests).toBe(1);
    expect(ms).toBeGreaterThanOrEqual(390);
    expect(ms).toBeLessThan(1500);
  });

  it("latency beyond the per-attempt limit on a change is a timeout (outcome unknown)", async () => {
    fault({ kind: "latency", latencyMs: 800, operations: ["change"] });
    const error = await rsaFailure(tenant.legacyClient(budget).disableSidToken(owner, serial));
    expect(error).toMatchObject({ kind: "timeout", sentRequest: true });
  });

  it("latency within the limit is just slower", async () => {
    fault({ kind: "latency", latencyMs: 150, serial });
    const { value, ms } = await timed(() => tenant.legacyClient(budget).lookupSidToken(serial));
    expect(value.tokenSerialNumber).toBe(serial);
    expect(ms).toBeGreaterThanOrEqual(140);
  });

  it("malformed JSON is an invalid answer, not a crash", async () => {
    fault({ kind: "malformed-json", serial });
    expect(await rsaFailure(tenant.legacyClient(budget).lookupSidToken(serial))).toMatchObject({
      kind: "invalid_answer",
      httpStatus: 200,
    });
  });

  it("a tenant nobody listens on is a network error before sending, retried for lookups", async () => {
    const config = loadRsaConfig(parseEnv({ RSA_ADMIN_KEY_FILE: tenant.sim().legacyKeyFile, ...budget }));
    const attempts: (string | null)[] = [];
    const client = createRsaClient(
      { ...config, apiBase: `http://127.0.0.1:${await closedPort()}/AdminInterface/restapi` },
      { onAttempt: (a) => attempts.push(a.kind) },
    );
    const error = await rsaFailure(client.lookupSidToken(serial));
    expect(error).toMatchObject({ kind: "network", sentRequest: false });
    expect(attempts).toEqual(["network", "network", "network"]);
    attempts.length = 0;
    expect((await rsaFailure(client.disableSidToken(owner, serial))).kind).toBe("network");
    expect(attempts).toHaveLength(1);
  });
});
