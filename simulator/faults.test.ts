import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_EXAMPLES, startSimulator, type RunningSimulator } from "./index";
import { call, expectBusinessError, newKeyDir, unsignedJwt } from "./test-support";

/** Injected faults: each kind, matching by serial and operation, times, precedence, and where they sit in the pipeline. */

let sim: RunningSimulator;
let keyDir: string;
beforeAll(async () => {
  keyDir = await newKeyDir();
  sim = await startSimulator({ port: 0, keyDir });
});
beforeEach(() => sim.reset());
afterAll(() => sim.close());

const ex = SEED_EXAMPLES;
const lookup = (serial: string) => call(sim, "POST", "/v1/sidTokens/lookup", { tokenSerialNumber: serial });
const disable = (serial = ex.assignedEnabledActivated, owner = ex.userIds.assignedEnabledActivated) =>
  call(sim, "PATCH", `/v1/users/${owner}/sidTokens/disable`, { tokenSerialNumber: serial });

describe("each kind", () => {
  it("latency: waits, then answers normally", async () => {
    sim.setFault({ kind: "latency", latencyMs: 300 });
    const started = Date.now();
    const answer = await lookup(ex.unassignedEnabled);
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("rate-limit: 429 with the business shape, Retry-After only when given", async () => {
    sim.setFault({ kind: "rate-limit", retryAfterSeconds: 30, times: 1 });
    const limited = await lookup(ex.unassignedEnabled);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ code: "429 TOO_MANY_REQUESTS", description: "Too many requests" });
    expect(limited.headers.get("retry-after")).toBe("30");

    sim.setFault({ kind: "rate-limit", times: 1 });
    const bare = await lookup(ex.unassignedEnabled);
    expect(bare.status).toBe(429);
    expect(bare.headers.get("retry-after")).toBeNull();
  });

  it("server-error: 500 by default, or the given status, in the business shape", async () => {
    sim.setFault({ kind: "server-error", times: 1 });
    expectBusinessError(await lookup(ex.unassignedEnabled), 500, "INTERNAL_SERVER_ERROR");
    sim.setFault({ kind: "server-error", status: 503, times: 1 });
    expectBusinessError(await lookup(ex.unassignedEnabled), 503, "SERVICE_UNAVAILABLE");
  });

  it("gateway-html: 503 by default (or 502/504), an HTML page", async () => {
    sim.setFault({ kind: "gateway-html", times: 1 });
    const page = await lookup(ex.unassignedEnabled);
    expect(page.status).toBe(503);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.text).toMatch(/<html>[\s\S]*503/);
    expect(page.body).toBeUndefined();
    sim.setFault({ kind: "gateway-html", status: 502, times: 1 });
    expect((await lookup(ex.unassignedEnabled)).status).toBe(502);
    expect(() => sim.setFault({ kind: "gateway-html", status: 500 })).toThrow(/502, 503 or 504/);
  });

  it("credential-rejected: 403 in the framework shape, as for a revoked key, and the change is not applied", async () => {
    sim.setFault({ kind: "credential-rejected", operations: ["change"], times: 1 });
    const refused = await disable();
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      status: 403,
      error: "Forbidden",
      message: "Server failed to process provided access token",
    });
    expect((await lookup(ex.assignedEnabledActivated)).body).toMatchObject({ tokenStatus: "Enabled" });
  });

  it("answers with the tenant's own clock in the Date header", async () => {
    const skewed = await startSimulator({ port: 0, keyDir: await newKeyDir(), now: () => Date.now() + 3600_000 });
    try {
      const answer = await fetch(`${skewed.url}/__simulator/health`);
      expect(Date.parse(answer.headers.get("date")!) - Date.now()).toBeGreaterThan(3590_000);
    } finally {
      await skewed.close();
    }
  });

  it("malformed-json: 200 application/json with a truncated body", async () => {
    sim.setFault({ kind: "malformed-json", times: 1 });
    const answer = await lookup(ex.unassignedEnabled);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(answer.text)).toThrow();
  });

  it("hang: never answers (the client gives up), and the change is not applied", async () => {
    sim.setFault({ kind: "hang", operations: ["change"] });
    const started = Date.now();
    const outcome = await call(
      sim,
      "PATCH",
      `/v1/users/${ex.userIds.assignedEnabledActivated}/sidTokens/disable`,
      { tokenSerialNumber: ex.assignedEnabledActivated },
      { signal: AbortSignal.timeout(300) },
    ).then(
      (answer) => `answered ${answer.status}`,
      (error: Error) => error.name,
    );
    expect(outcome).toBe("TimeoutError");
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(sim.model.sidToken(ex.assignedEnabledActivated)?.tokenStatus).toBe("Enabled");
    expect((await lookup(ex.assignedEnabledActivated)).status).toBe(200); // the rest of the tenant still answers
  });

  it("hang: close() destroys the hanging socket instead of waiting for it", async () => {
    const other = await startSimulator({ port: 0, keyDir });
    other.setFault({ kind: "hang" });
    const pending = call(other, "POST", "/v1/sidTokens/lookup", { tokenSerialNumber: ex.unassignedEnabled }).then(
      () => "answered",
      () => "connection closed",
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(other.requestCount()).toBe(1);
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBe("connection closed");
  });
});

describe("matching", () => {
  it("by serial: only requests about that token (tokenSerialNumber or deviceSerialNumber)", async () => {
    sim.setFault({ kind: "server-error", serial: ex.assignedDisabled });
    sim.setFault({ kind: "rate-limit", serial: ex.ds100Device });
    expect((await lookup(ex.assignedDisabled)).status).toBe(500);
    expect((await lookup(ex.unassignedEnabled)).status).toBe(200);
    expect((await call(sim, "POST", "/v1/ds100/lookup", { deviceSerialNumber: ex.ds100Device })).status).toBe(429);
    expect((await call(sim, "POST", "/v1/ds100/lookup", { deviceSerialNumber: ex.ds100EnabledDevice })).status).toBe(
      200,
    );
  });

  it("by operation: a change fault leaves lookups alone, and the faulted change is NOT applied", async () => {
    sim.setFault({ kind: "server-error", operations: ["change"] });
    expect((await lookup(ex.assignedEnabledActivated)).status).toBe(200);
    expect((await call(sim, "GET", `/v2/users/${ex.userIds.assignedEnabledActivated}/devices`)).status).toBe(200);
    expect((await disable()).status).toBe(500);
    expect(sim.model.sidToken(ex.assignedEnabledActivated)?.tokenStatus).toBe("Enabled");
  });

  it("by operation: a lookup fault covers all four lookups and no change", async () => {
    sim.setFault({ kind: "rate-limit", operations: ["lookup"] });
    expect((await lookup(ex.unassignedEnabled)).status).toBe(429);
    expect((await call(sim, "POST", "/v1/ds100/lookup", { deviceSerialNumber: ex.ds100Device })).status).toBe(429);
    expect(
      (await call(sim, "POST", "/v1/users/lookup", { email: ex.userEmails.assignedEnabledActivated })).status,
    ).toBe(429);
    expect((await call(sim, "GET", `/v2/users/${ex.userIds.assignedEnabledActivated}/devices`)).status).toBe(429);
    expect((await disable()).status).toBe(200);
  });

  it("times: counts down per matching request, then the fault is gone", async () => {
    sim.setFault({ kind: "server-error", serial: ex.unassignedEnabled, times: 2 });
    expect((await lookup(ex.assignedDisabled)).status).toBe(200); // not matching: not counted
    expect((await lookup(ex.unassignedEnabled)).status).toBe(500);
    expect((await lookup(ex.unassignedEnabled)).status).toBe(500);
    expect((await lookup(ex.unassignedEnabled)).status).toBe(200);
  });

  it("the most recent matching fault wins; an older one applies again once the newer is used up", async () => {
    sim.setFault({ kind: "server-error" });
    sim.setFault({ kind: "rate-limit", times: 1 });
    expect((await lookup(ex.unassignedEnabled)).status).toBe(429);
    expect((await lookup(ex.unassignedEnabled)).status).toBe(500);
  });

  it("applies after authentication: a bad token still gets the 403", async () => {
    sim.setFault({ kind: "server-error" });
    const answer = await call(
      sim,
      "POST",
      "/v1/sidTokens/lookup",
      { tokenSerialNumber: ex.unassignedEnabled },
      { token: unsignedJwt(sim) },
    );
    expect(answer.status).toBe(403);
  });

  it("clearFaults and reset remove every fault", async () => {
    sim.setFault({ kind: "server-error" });
    sim.clearFaults();
    expect((await lookup(ex.unassignedEnabled)).status).toBe(200);
    sim.setFault({ kind: "server-error" });
    sim.reset();
    expect((await lookup(ex.unassignedEnabled)).status).toBe(200);
  });

  it("refuses an invalid fault", () => {
    expect(() => sim.setFault({ kind: "explode" } as never)).toThrow(/Invalid fault/);
    expect(() => sim.setFault({ kind: "latency", latencyMs: -1 })).toThrow(/Invalid fault/);
    expect(() => sim.setFault({ kind: "latency", times: 0 })).toThrow(/Invalid fault/);
  });
});
