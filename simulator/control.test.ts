import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ANOTHER_ADMIN, SEED_EXAMPLES, type RunningSimulator } from "./index";
import { call, control, oauthAccessToken, startTestSimulator } from "./test-support";

/** The /__simulator control endpoints, reset, requestCount, and never crashing. */

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
beforeEach(() => sim.reset());
afterAll(() => sim.close());

const ex = SEED_EXAMPLES;
const lookup = (serial: string) => call(sim, "POST", "/v1/sidTokens/lookup", { tokenSerialNumber: serial });

describe("health, reset and faults over HTTP", () => {
  it("GET /__simulator/health", async () => {
    expect(await control(sim, "GET", "/health")).toMatchObject({ status: 200, body: { ok: true } });
  });

  it("POST /__simulator/reset restores the seed and clears faults", async () => {
    const owner = ex.userIds.assignedEnabledActivated;
    expect(
      (
        await call(sim, "PATCH", `/v1/users/${owner}/sidTokens/unassign`, {
          tokenSerialNumber: ex.assignedEnabledActivated,
        })
      ).status,
    ).toBe(200);
    sim.setFault({ kind: "server-error", serial: ex.unassignedEnabled });
    expect((await control(sim, "POST", "/reset")).status).toBe(200);
    expect(sim.model.sidToken(ex.assignedEnabledActivated)?.userId).toBe(owner);
    expect((await lookup(ex.unassignedEnabled)).status).toBe(200);
  });

  it("POST /__simulator/faults adds a fault, DELETE clears them", async () => {
    expect(
      (
        await control(sim, "POST", "/faults", {
          kind: "rate-limit",
          serial: ex.assignedDisabled,
          retryAfterSeconds: 20,
        })
      ).status,
    ).toBe(204);
    const limited = await lookup(ex.assignedDisabled);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("20");
    expect((await control(sim, "GET", "/faults")).body).toEqual([
      { kind: "rate-limit", serial: ex.assignedDisabled, retryAfterSeconds: 20 },
    ]);
    expect((await control(sim, "DELETE", "/faults")).status).toBe(204);
    expect((await lookup(ex.assignedDisabled)).status).toBe(200);
  });

  it("400s an invalid fault with a plain message, and adds nothing", async () => {
    for (const bad of [
      { kind: "explode" },
      { kind: "latency", latencyMs: "soon" },
      { kind: "hang", colour: "red" },
      { kind: "gateway-html", status: 500 },
    ]) {
      const answer = await control(sim, "POST", "/faults", bad);
      expect(answer.status, JSON.stringify(bad)).toBe(400);
      expect(answer.body).toEqual({ error: expect.any(String) });
    }
    const notJson = await fetch(`${sim.url}/__simulator/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{kind:",
    });
    expect(notJson.status).toBe(400);
    expect((await control(sim, "GET", "/faults")).body).toEqual([]);
  });

  it("404s an unknown control endpoint", async () => {
    expect((await control(sim, "GET", "/nothing")).status).toBe(404);
  });
});

describe("POST /__simulator/tokens/{serial}: another administrator acts", () => {
  it("changes the status, as another.admin, now", async () => {
    const answer = await control(sim, "POST", `/tokens/${ex.assignedEnabledActivated}`, { tokenStatus: "Disabled" });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      tokenSerialNumber: ex.assignedEnabledActivated,
      tokenStatus: "Disabled",
      tokenStatusChangedBy: ANOTHER_ADMIN,
    });
    const record = sim.model.sidToken(ex.assignedEnabledActivated)!;
    expect(Date.parse(record.tokenStatusChangedAt!)).toBeGreaterThan(Date.now() - 5000);
    expect(record.updatedAt).toBe(record.tokenStatusChangedAt);
    expect((await lookup(ex.assignedEnabledActivated)).body).toMatchObject({
      tokenStatus: "Disabled",
      tokenStatusChangedBy: ANOTHER_ADMIN,
    });
  });

  it("unassigns (tokenState Unassigned, userId null), so the owner's change now conflicts", async () => {
    const owner = ex.userIds.assignedEnabledActivated;
    const answer = await control(sim, "POST", `/tokens/${ex.assignedEnabledActivated}`, {
      tokenState: "Unassigned",
      userId: null,
    });
    expect(answer.body).toMatchObject({
      userId: null,
      tokenState: "Unassigned",
      assignedAt: null,
      tokenStatus: "Enabled",
    });
    expect(
      (
        await call(sim, "PATCH", `/v1/users/${owner}/sidTokens/disable`, {
          tokenSerialNumber: ex.assignedEnabledActivated,
        })
      ).status,
    ).toBe(409);
  });

  it("assigns and activates a token for a user", async () => {
    const user = ex.userIds.assignedEnabledSpares[3];
    const answer = await control(sim, "POST", `/tokens/${ex.unassignedSpare}`, {
      userId: user,
      tokenState: "Activated",
    });
    expect(answer.body).toMatchObject({
      userId: user,
      tokenState: "Activated",
      assignedBy: ANOTHER_ADMIN,
      registeredDate: expect.any(String),
    });
  });

  it("changes a DS100 credential by its 12-digit serial, but not by the device serial", async () => {
    const answer = await control(sim, "POST", `/tokens/${ex.ds100Credential}`, { tokenStatus: "Enabled" });
    expect(answer.body).toMatchObject({
      deviceSerialNumber: ex.ds100Device,
      tokenStatus: "Enabled",
      tokenStatusChangedBy: ANOTHER_ADMIN,
    });
    expect((await control(sim, "POST", `/tokens/${ex.ds100Device}`, { tokenStatus: "Enabled" })).status).toBe(404);
  });

  it("404s an unknown serial; 400s bad input or an unknown user", async () => {
    expect((await control(sim, "POST", "/tokens/999999999999", { tokenStatus: "Disabled" })).status).toBe(404);
    expect((await control(sim, "POST", `/tokens/${ex.assignedDisabled}`, { tokenStatus: "Off" })).status).toBe(400);
    expect(
      (await control(sim, "POST", `/tokens/${ex.assignedDisabled}`, { userId: "0b8c7f3e-1d2a-4e5f-8a9b-0c1d2e3f4a5b" }))
        .status,
    ).toBe(400);
    expect((await control(sim, "POST", `/tokens/${ex.unassignedEnabled}`, { tokenState: "Activated" })).status).toBe(
      400,
    );
    expect(sim.model.sidToken(ex.assignedDisabled)?.tokenStatus).toBe("Disabled");
  });
});

describe("/__simulator/users/{id} and /__simulator/settings", () => {
  it("GET a user's record as the user calls answer it; 404 for an unknown one", async () => {
    const oscar = ex.users.travelling;
    const answer = await control(sim, "GET", `/users/${oscar.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(sim.model.user(oscar.id));
    expect(answer.body).toMatchObject({ emailAddress: oscar.email, emergencyAccessStatus: "ACTIVE" });
    expect((await control(sim, "GET", "/users/0b8c7f3e-1d2a-4e5f-8a9b-0c1d2e3f4a5b")).status).toBe(404);
  });

  it("verify approve/deny/code: 404 for an unknown user, 409 with nothing pending, 404 for a wrong method", async () => {
    const unknown = "0b8c7f3e-1d2a-4e5f-8a9b-0c1d2e3f4a5b";
    expect((await control(sim, "POST", `/users/${unknown}/verify/approve`)).status).toBe(404);
    expect((await control(sim, "GET", `/users/${unknown}/verify/code`)).status).toBe(404);
    const jane = ex.users.janeDoe.id;
    for (const [method, action] of [
      ["POST", "approve"],
      ["POST", "deny"],
      ["GET", "code"],
    ] as const) {
      const answer = await control(sim, method, `/users/${jane}/verify/${action}`);
      expect(answer.status).toBe(409);
      expect(answer.body).toEqual({ error: expect.stringMatching(/No verification is in progress/) });
    }
    expect((await control(sim, "GET", `/users/${jane}/verify/approve`)).status).toBe(404);
    expect((await control(sim, "POST", `/users/${jane}/verify/code`)).status).toBe(404);
    expect((await control(sim, "POST", `/users/${jane}`)).status).toBe(404);
  });

  it("settings: the live verification licence, back to the start value on reset", async () => {
    expect((await control(sim, "GET", "/settings")).body).toEqual({ verifyLicensed: true });
    expect((await control(sim, "POST", "/settings", { verifyLicensed: false })).body).toEqual({
      verifyLicensed: false,
    });
    expect(sim.model.verifyLicensed).toBe(false);
    expect((await control(sim, "POST", "/settings", { colour: "red" })).status).toBe(400);
    await control(sim, "POST", "/reset");
    expect((await control(sim, "GET", "/settings")).body).toEqual({ verifyLicensed: true });
  });
});

describe("requestCount", () => {
  it("counts admin API requests (even refused ones), not control or OAuth requests", async () => {
    const token = await oauthAccessToken(sim);
    const before = sim.requestCount();
    await lookup(ex.unassignedEnabled);
    await call(sim, "POST", "/v1/sidTokens/lookup", { tokenSerialNumber: ex.unassignedEnabled }, { token: null });
    await call(sim, "GET", "/v1/nothing/here", undefined, { token });
    await control(sim, "GET", "/health");
    await oauthAccessToken(sim);
    expect(sim.requestCount() - before).toBe(3);
  });
});

describe("robustness", () => {
  it("answers an unexpected exception with a business 500 and keeps serving", async () => {
    const spy = vi.spyOn(sim.model, "lookupSidToken").mockImplementationOnce(() => {
      throw new Error("boom");
    });
    const answer = await lookup(ex.unassignedEnabled);
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ code: "500 INTERNAL_SERVER_ERROR", description: expect.any(String) });
    expect(answer.text).not.toMatch(/boom/);
    spy.mockRestore();
    expect((await lookup(ex.unassignedEnabled)).status).toBe(200);
  });

  it("answers paths outside the API with Spring's 404 body", async () => {
    const response = await fetch(`${sim.url}/favicon.ico`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      timestamp: expect.any(Number),
      status: 404,
      error: "Not Found",
      path: "/favicon.ico",
    });
  });
});
