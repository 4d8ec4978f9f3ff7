import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { RsaClient } from "@/lib/rsa/client";
import { rsaFailure, simulatedTenant } from "@/lib/test-support/rsa-client-tenant";
import { SEED_EXAMPLES as S } from "@/simulator/index";

const tenant = simulatedTenant();
const unknownUser = () => randomUUID();

type ClientKind = "legacy key" | "OAuth client (RSA key)" | "OAuth client (EC key)";
const clientFor: Record<ClientKind, () => RsaClient> = {
  "legacy key": () => tenant.legacyClient(),
  "OAuth client (RSA key)": () => tenant.oauthClient("rsa"),
  "OAuth client (EC key)": () => tenant.oauthClient("ec"),
};

describe.each(Object.keys(clientFor) as ClientKind[])("RSA client against the simulated tenant (%s)", (kind) => {
  const newClient = clientFor[kind];

  it("1. looks up a SID700 token: the vendor's example, nulls and all", async () => {
    const token = await newClient().lookupSidToken(S.unassignedEnabled);
    expect(token).toEqual({
      id: "486177dd-5e3a-4094-a98f-9ee03f4ad0cd",
      name: null,
      userId: null,
      deviceType: "SID700",
      registeredDate: null,
      tokenSerialNumber: "000000200002",
      updatedAt: "2021-06-04T16:16:56.879Z",
      tokenState: "Unassigned",
      rawTokenState: "Unassigned",
      expiryDate: "2027-02-12T00:00:00.000Z",
      tokenStatus: "Enabled",
      rawTokenStatus: "Enabled",
      assignedAt: null,
      assignedBy: null,
      pinSet: false,
      tokenStatusChangedAt: null,
      tokenStatusChangedBy: null,
    });
  });

  it("1. maps 404 (unknown serial) and 400 (refused before sending) to typed errors", async () => {
    const client = newClient();
    expect(await rsaFailure(client.lookupSidToken("999999999999"))).toMatchObject({
      kind: "not_found",
      httpStatus: 404,
      rsaCode: "404 NOT_FOUND",
    });
    const before = tenant.sim().requestCount();
    expect(await rsaFailure(client.lookupSidToken("12 34"))).toMatchObject({ kind: "bad_request", sentRequest: false });
    expect(tenant.sim().requestCount()).toBe(before);
  });

  it("2. looks up a DS100 by device serial; its credential serial is not a device", async () => {
    const client = newClient();
    const credentials = await client.lookupDs100(S.ds100Device);
    expect(credentials).toHaveLength(1);
    expect(credentials[0]).toMatchObject({
      tokenSerialNumber: S.ds100Credential,
      deviceSerialNumber: S.ds100Device,
      userId: S.ds100User,
      tokenStatus: "Disabled",
      tokenState: "Activated",
    });
    expect(await rsaFailure(client.lookupDs100(S.ds100Credential))).toMatchObject({
      kind: "not_found",
      httpStatus: 404,
    });
  });

  it("3./4. disables and enables an assigned token, keeping who and when", async () => {
    const client = newClient();
    const owner = S.userIds.assignedEnabledActivated;
    const disabled = await client.disableSidToken(owner, S.assignedEnabledActivated);
    expect(disabled).toMatchObject({
      userId: owner,
      tokenSerialNumber: S.assignedEnabledActivated,
      tokenStatus: "Disabled",
    });
    expect(disabled.tokenStatusChangedBy).toBeTruthy();
    expect(Date.now() - Date.parse(disabled.tokenStatusChangedAt!)).toBeLessThan(60_000);
    expect((await client.lookupSidToken(S.assignedEnabledActivated)).tokenStatus).toBe("Disabled");
    expect((await client.enableSidToken(owner, S.assignedEnabledActivated)).tokenStatus).toBe("Enabled");
  });

  it("3./4. answer 409 for an unassigned token and 404 for an unknown user or someone else's token", async () => {
    const client = newClient();
    expect(await rsaFailure(client.enableSidToken(unknownUser(), S.unassignedDisabled))).toMatchObject({
      kind: "not_found",
    });
    expect(
      await rsaFailure(client.disableSidToken(S.userIds.assignedDisabled, S.assignedEnabledActivated)),
    ).toMatchObject({ kind: "not_found", httpStatus: 404 });
    expect(await rsaFailure(client.disableSidToken(S.userIds.assignedDisabled, "999999999999"))).toMatchObject({
      kind: "not_found",
    });
    // An unassigned token belongs to nobody: enable/disable is a conflict for any existing user.
    expect(await rsaFailure(client.enableSidToken(S.userIds.assignedDisabled, S.unassignedDisabled))).toMatchObject({
      kind: "conflict",
      httpStatus: 409,
      rsaCode: "409 CONFLICT",
    });
  });

  it("5. unassigns a token from its owner, and answers 409 when it is not theirs", async () => {
    const client = newClient();
    const owner = S.userIds.assignedDisabled;
    expect(await rsaFailure(client.unassignSidToken(S.userIds.expired, S.assignedDisabled))).toMatchObject({
      kind: "conflict",
    });
    expect(await client.unassignSidToken(owner, S.assignedDisabled)).toEqual({
      tokenSerialNumber: S.assignedDisabled,
      tokenState: "Unassigned",
    });
    const after = await client.lookupSidToken(S.assignedDisabled);
    expect(after).toMatchObject({ userId: null, tokenState: "Unassigned", tokenStatus: "Disabled", assignedAt: null });
    expect(await rsaFailure(client.unassignSidToken(owner, S.assignedDisabled))).toMatchObject({ kind: "conflict" });
    expect(await rsaFailure(client.unassignSidToken(owner, "999999999999"))).toMatchObject({ kind: "not_found" });
  });

  it("6. assigns a token (Activation Pending), refuses a second assignment and the sixth active token", async () => {
    const client = newClient();
    const owner = S.userIds.expired;
    expect(await client.assignSidToken(owner, S.unassignedSpare, "Spare for travel")).toEqual({
      userId: owner,
      tokenSerialNumber: S.unassignedSpare,
      tokenState: "Activation Pending",
    });
    expect(await client.lookupSidToken(S.unassignedSpare)).toMatchObject({
      userId: owner,
      name: "Spare for travel",
      tokenState: "Activation Pending",
    });
    expect(await rsaFailure(client.assignSidToken(S.userIds.assignedDisabled, S.unassignedSpare))).toMatchObject({
      kind: "conflict",
    });
    await client.unassignSidToken(owner, S.unassignedSpare);
    expect(await rsaFailure(client.assignSidToken(S.userAtTokenLimit, S.unassignedSpare))).toMatchObject({
      kind: "conflict",
      httpStatus: 409,
    });
    expect(await rsaFailure(client.assignSidToken(owner, S.unassignedSpare, "x".repeat(256)))).toMatchObject({
      kind: "bad_request",
      sentRequest: false,
    });
  });

  it("7. clears a SID700 PIN through the v2 path", async () => {
    const client = newClient();
    expect(await client.clearSidTokenPin(S.userIds.assignedEnabledActivated, S.assignedEnabledActivated)).toEqual({
      userId: S.userIds.assignedEnabledActivated,
      tokenSerialNumber: S.assignedEnabledActivated,
      pinSet: false,
    });
    expect(
      await rsaFailure(client.clearSidTokenPin(S.userIds.assignedEnabledActivated, S.unassignedDisabled)),
    ).toMatchObject({ kind: "conflict" });
  });

  it("8./9. enables and disables a DS100's credentials; 404 when the device is not the user's", async () => {
    const client = newClient();
    const enabled = await client.enableDs100(S.ds100Device, S.ds100User);
    expect(enabled).toEqual([
      expect.objectContaining({
        tokenSerialNumber: S.ds100Credential,
        deviceSerialNumber: S.ds100Device,
        tokenStatus: "Enabled",
        userId: S.ds100User,
      }),
    ]);
    expect((await client.disableDs100(S.ds100Device, S.ds100User))[0]!.tokenStatus).toBe("Disabled");
    expect(await rsaFailure(client.enableDs100(S.ds100Device, S.userIds.expired))).toMatchObject({ kind: "not_found" });
  });

  it("10. clears a DS100 PIN by the credential serial", async () => {
    const client = newClient();
    expect(await client.clearDs100Pin(S.ds100Credential, S.ds100User)).toMatchObject({
      tokenSerialNumber: S.ds100Credential,
      pinSet: false,
    });
    expect((await rsaFailure(client.clearDs100Pin("999999999999", S.ds100User))).httpStatus).toBe(404);
  });

  it("11. finds a user by e-mail; 404 for an unknown address", async () => {
    const client = newClient();
    expect(await client.lookupUserByEmail(S.userEmails.assignedEnabledActivated)).toMatchObject({
      id: S.userIds.assignedEnabledActivated,
      emailAddress: S.userEmails.assignedEnabledActivated,
    });
    expect(await rsaFailure(client.lookupUserByEmail("nobody@example.com"))).toMatchObject({ kind: "not_found" });
  });

  it("12. lists a user's authenticators; 404 for an unknown user", async () => {
    const client = newClient();
    const devices = await client.listUserDevices(S.userIds.assignedEnabledActivated);
    expect(devices.sidTokens.map((t) => t.tokenSerialNumber)).toContain(S.assignedEnabledActivated);
    expect(Array.isArray(devices.devices) && Array.isArray(devices.fidoTokens)).toBe(true);
    expect((await client.listUserDevices(S.ds100User)).devices.length).toBeGreaterThan(0);
    expect(await rsaFailure(client.listUserDevices(unknownUser()))).toMatchObject({ kind: "not_found" });
  });

  it("maps 429 and 500 to rate limited and unavailable (one request each for a change)", async () => {
    const client = newClient();
    const owner = S.userIds.assignedEnabledActivated;
    tenant.sim().setFault({ kind: "rate-limit", retryAfterSeconds: 2, operations: ["change"] });
    let before = tenant.sim().requestCount();
    expect(await rsaFailure(client.disableSidToken(owner, S.assignedEnabledActivated))).toMatchObject({
      kind: "rate_limited",
      httpStatus: 429,
      retryAfterMs: 2000,
    });
    expect(tenant.sim().requestCount() - before).toBe(1);
    tenant.sim().clearFaults();
    tenant.sim().setFault({ kind: "server-error", operations: ["change"] });
    before = tenant.sim().requestCount();
    expect(await rsaFailure(client.disableSidToken(owner, S.assignedEnabledActivated))).toMatchObject({
      kind: "unavailable",
      httpStatus: 500,
      rsaCode: "500 INTERNAL_SERVER_ERROR",
    });
    expect(tenant.sim().requestCount() - before).toBe(1);
    expect((await client.lookupSidToken(S.assignedEnabledActivated)).tokenStatus).toBe("Enabled"); // neither was applied
  });
});

describe.each(["rsa", "ec"] as const)("RSA client with an OAuth client (%s key)", (kind) => {
  it("obtains a token, looks up and changes a token, and RSA records the client as the actor", async () => {
    const client = tenant.oauthClient(kind);
    expect((await client.lookupSidToken(S.assignedEnabledActivated)).tokenStatus).toBe("Enabled");
    const change = await client.disableSidToken(S.userIds.assignedEnabledActivated, S.assignedEnabledActivated);
    expect(change.tokenStatusChangedBy).toBe(
      kind === "rsa" ? tenant.sim().oauth.clientId : tenant.sim().oauthEc.clientId,
    );
    expect((await client.lookupDs100(S.ds100Device))[0]!.tokenSerialNumber).toBe(S.ds100Credential);
    expect(client.bearersIssued).toBe(1);
  });

  it("reports a client the token endpoint does not know as credential rejected", async () => {
    const error = await rsaFailure(
      tenant.oauthClient(kind, { RSA_OAUTH_CLIENT_ID: "not-a-client" }).lookupSidToken(S.unassignedEnabled),
    );
    expect(error).toMatchObject({ kind: "credential_rejected", rsaCode: "invalid_client" });
  });

  it("reports a scope the client was not granted as credential rejected", async () => {
    const client = tenant.oauthClient(kind, { RSA_OAUTH_SCOPES: "rsa.user.read" });
    expect(await rsaFailure(client.lookupSidToken(S.unassignedEnabled))).toMatchObject({
      kind: "credential_rejected",
      httpStatus: 403,
    });
  });
});

/** Every call, against the failures any call can meet: the same typed error whatever the call. */
describe("every call maps rate limiting, server errors and refused credentials to the same typed errors", () => {
  const owner = S.userIds.assignedEnabledActivated;
  const calls: [string, (c: RsaClient) => Promise<unknown>][] = [
    ["1 lookupSidToken", (c) => c.lookupSidToken(S.assignedEnabledActivated)],
    ["2 lookupDs100", (c) => c.lookupDs100(S.ds100Device)],
    ["3 enableSidToken", (c) => c.enableSidToken(owner, S.assignedEnabledActivated)],
    ["4 disableSidToken", (c) => c.disableSidToken(owner, S.assignedEnabledActivated)],
    ["5 unassignSidToken", (c) => c.unassignSidToken(owner, S.assignedEnabledActivated)],
    ["6 assignSidToken", (c) => c.assignSidToken(owner, S.unassignedSpare)],
    ["7 clearSidTokenPin", (c) => c.clearSidTokenPin(owner, S.assignedEnabledActivated)],
    ["8 enableDs100", (c) => c.enableDs100(S.ds100Device, S.ds100User)],
    ["9 disableDs100", (c) => c.disableDs100(S.ds100Device, S.ds100User)],
    ["10 clearDs100Pin", (c) => c.clearDs100Pin(S.ds100Credential, S.ds100User)],
    ["11 lookupUserByEmail", (c) => c.lookupUserByEmail(S.userEmails.assignedEnabledActivated)],
    ["12 listUserDevices", (c) => c.listUserDevices(owner)],
  ];
  const faults = [
    {
      fault: { kind: "rate-limit", retryAfterSeconds: 60 },
      expected: { kind: "rate_limited", httpStatus: 429, retryAfterMs: 60_000 },
    },
    { fault: { kind: "server-error" }, expected: { kind: "unavailable", httpStatus: 500 } },
    { fault: { kind: "credential-rejected" }, expected: { kind: "credential_rejected", httpStatus: 403 } },
  ] as const;

  it.each(calls)("%s", async (_name, call) => {
    for (const { fault, expected } of faults) {
      tenant.sim().clearFaults();
      tenant.sim().setFault(fault);
      expect(await rsaFailure(call(tenant.legacyClient()))).toMatchObject(expected);
    }
    tenant.sim().clearFaults();
    await expect(call(tenant.legacyClient())).resolves.toBeTruthy();
  });
});
