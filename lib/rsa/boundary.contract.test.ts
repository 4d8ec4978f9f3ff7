import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_KINDS, rsaFailure, simulatedTenant, type ClientKind } from "@/lib/test-support/rsa-client-tenant";
import { describeRsaFailure } from "@/lib/tokens/rsa-messages";
import { allowedActions, noActionReason, sidSnapshot } from "@/lib/tokens/token-actions";
import { SEED_EXAMPLES as S, type SimulatorFault } from "@/simulator/index";

/**
 * The review's risks at the RSA boundary, each against the simulated tenant
 * over real HTTP, for the legacy key and both OAuth clients: what RSA only
 * informs about is read leniently, what tokendesk acts on exactly, and every
 * failure says whether a change may have been applied.
 */

const tenant = simulatedTenant();
const budget = { RSA_TIMEOUT_MS: "400", RSA_TOTAL_TIMEOUT_MS: "1500" };
const owner = S.userIds.assignedEnabledActivated;
const serial = S.assignedEnabledActivated;
const fault = (f: SimulatorFault) => tenant.sim().setFault(f);
const statusOf = async (kind: ClientKind, s: string) => (await tenant.client(kind).lookupSidToken(s)).tokenStatus;

describe.each(CLIENT_KINDS)("the RSA boundary (%s)", (kind) => {
  const client = (vars: Record<string, string> = {}) => tenant.client(kind, { ...budget, ...vars });

  describe("1. tolerant where RSA only informs, exact where tokendesk acts", () => {
    it("keeps a token whose status RSA calls something unknown, shows RSA's word and offers no action", async () => {
      fault({ kind: "odd-answer", oddity: "unknown-status", serial, operations: ["lookup"] });
      const token = await client().lookupSidToken(serial);
      expect(token).toMatchObject({ tokenStatus: null, rawTokenStatus: "Suspended", tokenState: "Activated" });
      expect(token.userId).toBe(owner);
      expect(allowedActions("SID700", sidSnapshot(token))).toEqual([]);
      expect(noActionReason("SID700", sidSnapshot(token))).toMatch(/status tokendesk does not know/);
    });

    it("keeps a token whose state RSA calls something unknown", async () => {
      fault({ kind: "odd-answer", oddity: "unknown-state", serial, operations: ["lookup"] });
      const token = await client().lookupSidToken(serial);
      expect(token).toMatchObject({ tokenStatus: "Enabled", tokenState: null, rawTokenState: "Lost" });
      expect(allowedActions("SID700", sidSnapshot(token))).toEqual([]);
    });

    it("ignores fields no vendor page documents", async () => {
      const plain = await client().lookupSidToken(serial);
      fault({ kind: "odd-answer", oddity: "extra-fields", serial, operations: ["lookup"] });
      expect(await client().lookupSidToken(serial)).toEqual(plain);
    });

    it("reads an empty userId as 'no owner' on an unassigned token, and as unreadable on an assigned one", async () => {
      fault({ kind: "odd-answer", oddity: "empty-user-id", operations: ["lookup"] });
      expect(await client().lookupSidToken(S.unassignedEnabled)).toMatchObject({
        userId: null,
        tokenState: "Unassigned",
      });
      const error = await rsaFailure(client().lookupSidToken(serial));
      expect(error).toMatchObject({ kind: "invalid_answer", httpStatus: 200, mayHaveBeenApplied: false });
      expect(error.rsaDescription).toContain("userId");
    });

    it("hides only the DS100 credential it cannot read, and says how many it hid", async () => {
      fault({ kind: "odd-answer", oddity: "one-bad-credential", serial: S.ds100EnabledDevice });
      const device = await client().lookupDs100Device(S.ds100EnabledDevice);
      expect(device.credentials.map((c) => c.tokenSerialNumber)).toEqual(["014010008101"]);
      expect(device.hiddenCredentials).toBe(1);
    });

    it("calls a device whose only credential is unreadable unreadable, never 'not found'", async () => {
      fault({ kind: "odd-answer", oddity: "one-bad-credential", serial: S.ds100Device });
      expect(await client().lookupDs100Device(S.ds100Device)).toEqual({ credentials: [], hiddenCredentials: 1 });
      expect(await rsaFailure(client().lookupDs100(S.ds100Device))).toMatchObject({ kind: "invalid_answer" });
    });

    it("reports a change RSA applied with an unreadable answer as applied-but-unreadable, not as failed", async () => {
      fault({ kind: "malformed-json", phase: "after-apply", serial, operations: ["change"] });
      const error = await rsaFailure(client().disableSidToken(owner, serial));
      expect(error).toMatchObject({ kind: "answer_unreadable", httpStatus: 200, mayHaveBeenApplied: true });
      expect(describeRsaFailure(error, "change")).toMatch(/It is unknown whether the change was made\./);
      expect(await statusOf(kind, serial)).toBe("Disabled"); // it was applied
    });

    it("treats a change answer with a status tokendesk does not know as unreadable (it records what RSA says)", async () => {
      fault({ kind: "odd-answer", oddity: "unknown-status", serial, operations: ["change"] });
      const error = await rsaFailure(client().disableSidToken(owner, serial));
      expect(error).toMatchObject({ kind: "answer_unreadable", mayHaveBeenApplied: true });
      expect(await statusOf(kind, serial)).toBe("Disabled");
    });
  });

  describe("2. a 404 that is not RSA's own is a configuration error, not 'not found'", () => {
    it.each(["framework", "html", "empty"] as const)("a route-level 404 (%s) is misconfigured", async (shape) => {
      fault({ kind: "route-not-found", shape });
      const lookup = await rsaFailure(client().lookupSidToken(serial));
      expect(lookup).toMatchObject({ kind: "misconfigured", httpStatus: 404 });
      expect(describeRsaFailure(lookup, "lookup")).toBe("tokendesk is misconfigured; tell your administrator.");
      const change = await rsaFailure(client().disableSidToken(owner, serial));
      expect(change).toMatchObject({ kind: "misconfigured", mayHaveBeenApplied: false });
    });

    it("RSA's own business 404 is still 'not found'", async () => {
      expect(await rsaFailure(client().lookupSidToken("999999999999"))).toMatchObject({
        kind: "not_found",
        rsaCode: "404 NOT_FOUND",
      });
    });

    it("a URL that does not lead to the Administration API makes every call misconfigured", async () => {
      const wrong = `${tenant.sim().url}/AdminInterface/rest/v1`;
      let vars: Record<string, string> = { RSA_ADMIN_API_URL: wrong };
      if (kind === "legacy key") {
        const key = JSON.parse(readFileSync(tenant.sim().legacyKeyFile, "utf8")) as Record<string, unknown>;
        const file = path.join(path.dirname(tenant.sim().legacyKeyFile), "wrong-url.key");
        writeFileSync(file, JSON.stringify({ ...key, adminRestApiUrl: wrong }));
        vars = { RSA_ADMIN_KEY_FILE: file };
      }
      const c = client(vars);
      expect(await rsaFailure(c.lookupSidToken(serial))).toMatchObject({ kind: "misconfigured" });
      expect(await rsaFailure(c.lookupSidToken("999999999999"))).toMatchObject({ kind: "misconfigured" });
    });
  });

  describe("3. whether a change may have been applied", () => {
    it("a connection cut after RSA applied the change: network, may have been applied (and was)", async () => {
      fault({ kind: "connection-reset", phase: "after-apply", serial, operations: ["change"] });
      const error = await rsaFailure(client().disableSidToken(owner, serial));
      expect(error).toMatchObject({ kind: "network", mayHaveBeenApplied: true, nothingSent: false });
      expect(describeRsaFailure(error, "change")).toMatch(/It is unknown whether the change was made\./);
      expect(describeRsaFailure(error, "change")).not.toMatch(/could not reach RSA/);
      expect(await statusOf(kind, serial)).toBe("Disabled");
    });

    it("no answer in time after RSA applied the change: timeout, may have been applied", async () => {
      fault({ kind: "hang", phase: "after-apply", serial, operations: ["change"] });
      expect(await rsaFailure(client().disableSidToken(owner, serial))).toMatchObject({
        kind: "timeout",
        mayHaveBeenApplied: true,
      });
      expect(await statusOf(kind, serial)).toBe("Disabled");
    });

    it("a gateway's 502 or 504 page may hide an applied change; its 503 and RSA's own 500 do not", async () => {
      const cases = [
        [{ kind: "gateway-html", status: 502, phase: "after-apply" }, true],
        [{ kind: "gateway-html", status: 504 }, true],
        [{ kind: "gateway-html", status: 503 }, false],
        [{ kind: "server-error", status: 500 }, false],
      ] as const;
      for (const [f, may] of cases) {
        tenant.sim().clearFaults();
        fault({ ...f, serial, operations: ["change"] });
        const error = await rsaFailure(client().disableSidToken(owner, serial));
        expect({ status: error.httpStatus, may: error.mayHaveBeenApplied }).toEqual({ status: f.status, may });
      }
    });

    it("RSA's readable refusals (404, 409, 429, 403) never 'may have been applied'", async () => {
      const c = client();
      const refusals = [
        await rsaFailure(c.disableSidToken(S.userIds.expired, "999999999999")),
        await rsaFailure(c.enableSidToken(S.userIds.assignedDisabled, S.unassignedDisabled)),
      ];
      fault({ kind: "rate-limit", operations: ["change"] });
      refusals.push(await rsaFailure(c.disableSidToken(owner, serial)));
      tenant.sim().clearFaults();
      fault({ kind: "credential-rejected", operations: ["change"] });
      refusals.push(await rsaFailure(c.disableSidToken(owner, serial)));
      expect(refusals.map((e) => [e.kind, e.mayHaveBeenApplied, e.nothingSent])).toEqual([
        ["not_found", false, false],
        ["conflict", false, false],
        ["rate_limited", false, false],
        ["credential_rejected", false, false],
      ]);
      expect(describeRsaFailure(refusals[1]!, "change")).toMatch(/Nothing was changed\./);
    });

    it("a lookup never 'may have been applied' (it changes nothing)", async () => {
      fault({ kind: "hang", serial, operations: ["lookup"] });
      expect(await rsaFailure(client().lookupSidToken(serial))).toMatchObject({
        kind: "timeout",
        mayHaveBeenApplied: false,
      });
    });
  });

  describe("4. a 409 says which conflict RSA described", () => {
    it("not assigned to anyone, not assigned to this user, already assigned, five-token limit", async () => {
      const c = client();
      const notAssigned = await rsaFailure(c.enableSidToken(S.userIds.assignedDisabled, S.unassignedDisabled));
      const notTheirs = await rsaFailure(c.unassignSidToken(S.userIds.expired, S.assignedDisabled));
      const alreadyAssigned = await rsaFailure(c.assignSidToken(S.userIds.expired, S.assignedDisabled));
      const limit = await rsaFailure(c.assignSidToken(S.userAtTokenLimit, S.unassignedSpare));
      expect([notAssigned, notTheirs, alreadyAssigned, limit].map((e) => [e.kind, e.conflict])).toEqual([
        ["conflict", "not_assigned"],
        ["conflict", "not_assigned_to_user"],
        ["conflict", "already_assigned"],
        ["conflict", "token_limit"],
      ]);
      expect(describeRsaFailure(notAssigned, "change")).toMatch(
        /^RSA refused because the token is not assigned to anyone\./,
      );
      expect(describeRsaFailure(limit, "change")).toMatch(/already has five active tokens/);
      expect(describeRsaFailure(limit, "change")).not.toMatch(/not assigned to this user/);
    });
  });
});

describe.each(["OAuth client (RSA key)", "OAuth client (EC key)"] as const)(
  "5. nothing is sent when the OAuth token cannot be had (%s)",
  (kind) => {
    it("a client the token endpoint refuses: credential rejected, nothing sent, not 'not confirmed'", async () => {
      const before = tenant.sim().requestCount();
      const error = await rsaFailure(
        tenant.client(kind, { RSA_OAUTH_CLIENT_ID: "not-a-client" }).disableSidToken(owner, serial),
      );
      expect(error).toMatchObject({ kind: "credential_rejected", nothingSent: true, mayHaveBeenApplied: false });
      expect(tenant.sim().requestCount()).toBe(before);
      const sentence = describeRsaFailure(error, "change");
      expect(sentence).toMatch(/Nothing was sent to RSA, so nothing was changed\./);
      expect(sentence).not.toMatch(/not confirmed|unknown whether/);
    });

    it("a token endpoint nobody answers: network, nothing sent", async () => {
      const { closedPort } = await import("@/lib/test-support/closed-port");
      const issuer = `http://127.0.0.1:${await closedPort()}/oauth`;
      const error = await rsaFailure(tenant.client(kind, { RSA_OAUTH_ISSUER: issuer }).enableSidToken(owner, serial));
      expect(error).toMatchObject({ kind: "network", nothingSent: true, mayHaveBeenApplied: false });
      expect(describeRsaFailure(error, "change")).toBe(
        "tokendesk could not reach RSA. Nothing was sent to RSA, so nothing was changed. Try again; if it keeps happening, tell your administrator.",
      );
    });
  },
);

describe("the legacy key in every adminRestApiUrl form the vendor's pages show", () => {
  it.each(["v1", "bare", "trailingSlash", "bareTrailingSlash"] as const)("%s", async (form) => {
    const c = tenant.legacyClient({}, {}, form);
    expect((await c.lookupSidToken(serial)).tokenStatus).toBe("Enabled");
    expect((await c.disableSidToken(owner, serial)).tokenStatus).toBe("Disabled");
    expect(await rsaFailure(c.lookupSidToken("999999999999"))).toMatchObject({ kind: "not_found" });
  });
});
