import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED_EXAMPLES, type RunningSimulator } from "./index";
import { call, control, expectBusinessError, startTestSimulator } from "./test-support";

/**
 * The faults that let a client's every branch be tested: phase after-apply
 * (the change is made, then the answer is lost or late), connection-reset,
 * odd-answer and its oddities, route-not-found and its shapes, the userId selector.
 */

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
beforeEach(() => sim.reset());
afterAll(() => sim.close());

const ex = SEED_EXAMPLES;
const people = ex.users;
const owner = ex.userIds.assignedEnabledActivated;
const serial = ex.assignedEnabledActivated;
const API = "/AdminInterface/restapi";
const lookup = (s: string) => call(sim, "POST", "/v1/sidTokens/lookup", { tokenSerialNumber: s });
const disable = (options: { signal?: AbortSignal } = {}) =>
  call(sim, "PATCH", `/v1/users/${owner}/sidTokens/disable`, { tokenSerialNumber: serial }, options);
const statusNow = () => sim.model.sidToken(serial)?.tokenStatus;

/** How a request ended: its status, or how the connection failed. */
async function outcome(promise: Promise<{ status: number }>): Promise<string> {
  try {
    return `answered ${(await promise).status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if ((error as Error).name === "TimeoutError") return "timed out";
    return `failed ${cause?.code ?? (error as Error).name}`;
  }
}

describe("phase after-apply: the tenant changes, then the fault shapes the answer", () => {
  it("latency: the change is already applied while the answer is still on its way", async () => {
    sim.setFault({ kind: "latency", latencyMs: 400, phase: "after-apply", operations: ["change"] });
    const pending = disable();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(statusNow()).toBe("Disabled");
    const answer = await pending;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ tokenStatus: "Disabled" });
  });

  it("latency before (the default): nothing is applied until the delay is over", async () => {
    sim.setFault({ kind: "latency", latencyMs: 400, operations: ["change"] });
    const pending = disable();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(statusNow()).toBe("Enabled");
    expect((await pending).status).toBe(200);
    expect(statusNow()).toBe("Disabled");
  });

  it("hang: applied, never answered", async () => {
    sim.setFault({ kind: "hang", phase: "after-apply", operations: ["change"] });
    expect(await outcome(disable({ signal: AbortSignal.timeout(300) }))).toBe("timed out");
    expect(statusNow()).toBe("Disabled");
  });

  it("malformed-json: applied, the answer unreadable", async () => {
    sim.setFault({ kind: "malformed-json", phase: "after-apply", times: 1 });
    const answer = await disable();
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.text)).toThrow();
    expect(statusNow()).toBe("Disabled");
  });

  it("server-error, gateway-html, rate-limit: applied, yet an error answer (the gateway timed out, say)", async () => {
    for (const fault of [
      { kind: "gateway-html", status: 504 },
      { kind: "server-error" },
      { kind: "rate-limit" },
    ] as const) {
      sim.reset();
      sim.setFault({ ...fault, phase: "after-apply", times: 1 });
      const answer = await disable();
      expect(answer.status, fault.kind).toBe(
        fault.kind === "rate-limit" ? 429 : fault.kind === "server-error" ? 500 : 504,
      );
      expect(statusNow(), fault.kind).toBe("Disabled");
    }
  });

  it("phase before (explicit): never applied", async () => {
    sim.setFault({ kind: "server-error", phase: "before", times: 1 });
    expect((await disable()).status).toBe(500);
    expect(statusNow()).toBe("Enabled");
  });

  it("a call that fails on its own stays failed: the fault shapes its error answer, nothing is applied", async () => {
    sim.setFault({ kind: "latency", latencyMs: 10, phase: "after-apply", times: 1 });
    expectBusinessError(await lookup("999999999999"), 404, "NOT_FOUND");
  });
});

describe("connection-reset: the socket is destroyed without an answer", () => {
  it("before: nothing applied; after-apply: applied; the simulator keeps serving", async () => {
    sim.setFault({ kind: "connection-reset", operations: ["change"] });
    expect(await outcome(disable())).toMatch(/^failed (ECONNRESET|UND_ERR_SOCKET)$/);
    expect(statusNow()).toBe("Enabled");

    sim.clearFaults();
    sim.setFault({ kind: "connection-reset", phase: "after-apply", operations: ["change"] });
    expect(await outcome(disable())).toMatch(/^failed (ECONNRESET|UND_ERR_SOCKET)$/);
    expect(statusNow()).toBe("Disabled");

    sim.clearFaults();
    expect((await lookup(serial)).status).toBe(200);
  });
});

describe("odd-answer: the real answer, altered", () => {
  const odd = (oddity: unknown, extra: Record<string, unknown> = {}) =>
    control(sim, "POST", "/faults", { kind: "odd-answer", oddity, times: 1, ...extra });

  it("extra-fields (the default): unknown fields, a nested object among them, on top of the real record", async () => {
    const real = (await lookup(serial)).body as Record<string, unknown>;
    await control(sim, "POST", "/faults", { kind: "odd-answer", times: 1 });
    const answer = (await lookup(serial)).body as Record<string, unknown>;
    expect(answer).toEqual({
      ...real,
      riskScore: 12,
      syncSource: expect.any(String),
      attributes: expect.objectContaining({ costCenter: expect.any(String) }),
    });
  });

  it("unknown-status / unknown-state / empty-user-id on a SID700, alone or together; the tenant itself is unchanged", async () => {
    const real = (await lookup(serial)).body as Record<string, unknown>;
    await odd("unknown-status");
    expect((await lookup(serial)).body).toEqual({ ...real, tokenStatus: "Suspended" });
    await odd("unknown-state");
    expect((await lookup(serial)).body).toEqual({ ...real, tokenState: "Lost" });
    await odd("empty-user-id");
    expect((await lookup(serial)).body).toEqual({ ...real, userId: "" });
    await odd(["unknown-status", "unknown-state"]);
    expect((await lookup(serial)).body).toEqual({ ...real, tokenStatus: "Suspended", tokenState: "Lost" });
    expect(sim.model.sidToken(serial)).toMatchObject({
      tokenStatus: "Enabled",
      tokenState: "Activated",
      userId: owner,
    });
  });

  it("one-bad-credential on a DS100 lookup: only the last credential loses its serial", async () => {
    const device = ex.ds100EnabledDevice;
    const dsLookup = () => call(sim, "POST", "/v1/ds100/lookup", { deviceSerialNumber: device });
    const real = (await dsLookup()).body as Record<string, unknown>[];
    expect(real).toHaveLength(2);
    await odd("one-bad-credential");
    const answer = (await dsLookup()).body as Record<string, unknown>[];
    expect(answer[0]).toEqual(real[0]);
    const { tokenSerialNumber: _gone, ...rest } = real[1]!;
    expect(answer[1]).toEqual(rest);
    expect(_gone).toMatch(/^\d{12}$/);
  });

  it("on a user record (11): userStatus, id, extra fields", async () => {
    const userLookup = () => call(sim, "POST", "/v1/users/lookup", { email: people.janeDoe.email });
    const real = (await userLookup()).body as Record<string, unknown>;
    await odd("unknown-status");
    expect((await userLookup()).body).toEqual({ ...real, userStatus: "Suspended" });
    await odd("empty-user-id");
    expect((await userLookup()).body).toEqual({ ...real, id: "" });
    await odd("extra-fields");
    expect((await userLookup()).body).toMatchObject({ ...real, riskScore: 12 });
  });

  it("on a user's authenticators (12) and a search (13): every item, or only the last for one-bad-credential", async () => {
    const devices = () => call(sim, "GET", `/v2/users/${people.leaver.id}/devices`);
    await odd("extra-fields");
    const extra = (await devices()).body as Record<string, Record<string, unknown>[]>;
    expect(extra).toMatchObject({ riskScore: 12 });
    expect([...extra.devices!, ...extra.sidTokens!].every((d) => d.riskScore === 12)).toBe(true);
    await odd("unknown-state");
    const altered = (await devices()).body as {
      devices: { tokenState: string }[];
      sidTokens: { tokenState: string }[];
    };
    expect([...altered.devices, ...altered.sidTokens].map((d) => d.tokenState)).toEqual(["Lost", "Lost"]);

    const search = () => call(sim, "POST", "/v2/users/search", { emailLike: ex.search.jane.term });
    const real = (await search()).body as Record<string, unknown>[];
    await odd("one-bad-credential");
    const answer = (await search()).body as Record<string, unknown>[];
    expect(answer.slice(0, -1)).toEqual(real.slice(0, -1));
    expect(answer.at(-1)).not.toHaveProperty("emailAddress");
    expect(answer.at(-1)).toHaveProperty("id", real.at(-1)!.id);
  });

  it("on a change: the change is applied, the answer carries the oddity", async () => {
    await odd("unknown-status", { operations: ["change"] });
    expect((await disable()).body).toMatchObject({ tokenStatus: "Suspended", tokenSerialNumber: serial });
    expect(statusNow()).toBe("Disabled");
  });

  it("leaves error answers and empty answers as they are", async () => {
    await odd("extra-fields");
    expect((await lookup("999999999999")).body).toEqual({ code: "404 NOT_FOUND", description: expect.any(String) });
    await odd("extra-fields");
    const cancelled = await call(
      sim,
      "DELETE",
      `/v1/users/${people.travelling.id}/emergencyTokencode/${people.travelling.emergencyTokencodeId}`,
    );
    expect(cancelled).toMatchObject({ status: 200, text: "" });
  });
});

describe("route-not-found: what a tenant answers for a path it does not know", () => {
  it("framework: exactly Spring's body, with the full path and no message", async () => {
    sim.setFault({ kind: "route-not-found", times: 1 });
    const answer = await lookup(serial);
    expect(answer.status).toBe(404);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(Object.keys(answer.body as object)).toEqual(["timestamp", "status", "error", "path"]);
    expect(answer.body).toEqual({
      timestamp: expect.any(Number),
      status: 404,
      error: "Not Found",
      path: `${API}/v1/sidTokens/lookup`,
    });
  });

  it("html: a web server's 404 page", async () => {
    sim.setFault({ kind: "route-not-found", shape: "html", times: 1 });
    const answer = await lookup(serial);
    expect(answer.status).toBe(404);
    expect(answer.headers.get("content-type")).toMatch(/^text\/html/);
    expect(answer.text).toMatch(/<title>404 Not Found<\/title>/);
  });

  it("empty: a 404 with no body at all", async () => {
    sim.setFault({ kind: "route-not-found", shape: "empty", times: 1 });
    const answer = await lookup(serial);
    expect(answer.status).toBe(404);
    expect(answer.text).toBe("");
    expect(answer.headers.get("content-type")).toBeNull();
  });

  it("after-apply: the change is made all the same", async () => {
    sim.setFault({ kind: "route-not-found", phase: "after-apply", operations: ["change"], times: 1 });
    expect((await disable()).status).toBe(404);
    expect(statusNow()).toBe("Disabled");
  });

  it("the server's own answer to an unknown path has the same shape, inside and outside the API", async () => {
    for (const [method, path] of [
      ["POST", "/v1/no/such/call"],
      ["GET", "/v1/sidTokens/lookup"],
      ["POST", "/v3/users/lookup"],
    ]) {
      const unknown = await call(sim, method!, path!, method === "GET" ? undefined : {});
      expect(unknown.status).toBe(404);
      expect(Object.keys(unknown.body as object)).toEqual(["timestamp", "status", "error", "path"]);
      expect(unknown.body).toMatchObject({ status: 404, error: "Not Found", path: `${API}${path}` });
    }
    const outside = await fetch(`${sim.url}/favicon.ico`);
    expect(await outside.json()).toEqual({
      timestamp: expect.any(Number),
      status: 404,
      error: "Not Found",
      path: "/favicon.ico",
    });
  });
});

describe("selecting faults by user", () => {
  it("userId matches the path's /users/{id}/ or the body's userId, and nothing else", async () => {
    sim.setFault({ kind: "server-error", userId: owner });
    expect((await disable()).status).toBe(500);
    expect((await call(sim, "GET", `/v2/users/${owner}/devices`)).status).toBe(500);
    expect((await call(sim, "GET", `/v2/users/${people.leaver.id}/devices`)).status).toBe(200);
    expect((await lookup(serial)).status).toBe(200); // no user in a lookup by serial
    sim.clearFaults();
    sim.setFault({ kind: "rate-limit", userId: ex.userIds.ds100EnabledDevice.toUpperCase() });
    const dsChange = await call(sim, "PATCH", "/v1/ds100/disable/otp", {
      deviceSerialNumber: ex.ds100EnabledDevice,
      userId: ex.userIds.ds100EnabledDevice,
    });
    expect(dsChange.status).toBe(429);
  });
});

describe("validation of the new options", () => {
  it("refuses options that do not belong to the kind, and unknown values", () => {
    for (const bad of [
      { kind: "server-error", oddity: "extra-fields" },
      { kind: "hang", shape: "html" },
      { kind: "odd-answer", phase: "before" },
      { kind: "odd-answer", oddity: "purple" },
      { kind: "odd-answer", oddity: [] },
      { kind: "route-not-found", shape: "xml" },
      { kind: "latency", phase: "later" },
    ])
      expect(() => sim.setFault(bad as never), JSON.stringify(bad)).toThrow(/Invalid fault/);
  });

  it("lists new options as given, over the control endpoint too", async () => {
    const fault = {
      kind: "odd-answer",
      oddity: ["unknown-state", "one-bad-credential"],
      phase: "after-apply",
      userId: owner,
    };
    expect((await control(sim, "POST", "/faults", fault)).status).toBe(204);
    expect((await control(sim, "GET", "/faults")).body).toEqual([fault]);
  });
});
