import { generateKeyPairSync } from "node:crypto";
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startSimulator } from "./index";
import { call, legacyJwt, newKeyDir } from "./test-support";

/** Key files: created once with the right shapes and modes, reused across starts, URL kept current. */

const readJson = async (file: string) => JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
const LOOKUP = "/v1/sidTokens/lookup";
const body = { tokenSerialNumber: "000000200002" };

describe("key files", () => {
  it("are created in keyDir (mkdir -p) with mode 0600 and the vendor's shapes", async () => {
    const keyDir = path.join(await newKeyDir(), "nested", "simulator");
    const sim = await startSimulator({ port: 0, keyDir });
    try {
      expect(sim.adminRestApiUrl).toBe(`${sim.url}/AdminInterface/restapi/v1`);
      expect(sim.legacyKeyFile).toBe(path.join(keyDir, "legacy-admin-api.key"));
      for (const file of [...Object.values(sim.legacyKeyFiles), sim.oauth.keyFile, sim.oauthEc.keyFile]) {
        expect(path.dirname(file)).toBe(keyDir);
        expect((await stat(file)).mode & 0o777).toBe(0o600);
      }

      const legacy = await readJson(sim.legacyKeyFile);
      expect(legacy).toEqual({
        customerName: "Simulated tenant",
        accessID: sim.legacyAccessId,
        accessKey: expect.stringMatching(
          /^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+\n-----END RSA PRIVATE KEY-----\n?$/,
        ),
        adminRestApiUrl: sim.adminRestApiUrl,
        description: "tokendesk simulator demo key",
      });
      expect(sim.legacyAccessId).toMatch(/^[0-9a-f-]{36}$/);
      expect(await readJson(sim.legacyKeyFiles.bare)).toEqual({
        customerName: "Simulated tenant",
        accessID: sim.legacyKeys.bare.accessId,
        accessKey: legacy.accessKey, // made from the /v1 key: generating keys is what makes a start slow
        adminRestApiUrl: `${sim.url}/AdminInterface/restapi`,
        description: expect.stringContaining("without /v1"),
      });
      expect(path.basename(sim.legacyKeyFiles.trailingSlash)).toBe("legacy-admin-api-trailing-slash.key");

      const rsa = await readJson(sim.oauth.keyFile);
      expect(rsa).toMatchObject({
        kty: "RSA",
        alg: "RS256",
        kid: expect.any(String),
        d: expect.any(String),
        n: expect.any(String),
      });
      const ec = await readJson(sim.oauthEc.keyFile);
      expect(ec).toMatchObject({
        kty: "EC",
        crv: "P-256",
        alg: "ES256",
        kid: expect.any(String),
        d: expect.any(String),
      });
      expect(sim.oauth.clientId).not.toBe(sim.oauthEc.clientId);
    } finally {
      await sim.close();
    }
  });

  it("are reused by the next start; only adminRestApiUrl is rewritten when the port changes", async () => {
    const keyDir = await newKeyDir();
    const first = await startSimulator({ port: 0, keyDir });
    const before = await readJson(first.legacyKeyFile);
    const rsaBefore = await readFile(first.oauth.keyFile, "utf8");
    const oldToken = await legacyJwt(first);
    const firstIds = { access: first.legacyAccessId, rsa: first.oauth.clientId, ec: first.oauthEc.clientId };

    // Still holding the first port, so the second start surely gets another one.
    const second = await startSimulator({ port: 0, keyDir });
    await first.close();
    try {
      expect(second.url).not.toBe(first.url);
      expect({ access: second.legacyAccessId, rsa: second.oauth.clientId, ec: second.oauthEc.clientId }).toEqual(
        firstIds,
      );
      const after = await readJson(second.legacyKeyFile);
      expect(after).toEqual({ ...before, adminRestApiUrl: second.adminRestApiUrl });
      expect(second.legacyKeys.bare.accessId).toBe(first.legacyKeys.bare.accessId);
      expect((await readJson(second.legacyKeyFiles.trailingSlash)).adminRestApiUrl).toBe(
        `${second.url}/AdminInterface/restapi/v1/`,
      );
      expect(await readFile(second.oauth.keyFile, "utf8")).toBe(rsaBefore);
      expect((await stat(second.legacyKeyFile)).mode & 0o777).toBe(0o600);

      // A token made for the old URL has the wrong aud now; one for the new URL works with the same key.
      expect((await call(second, "POST", LOOKUP, body, { token: oldToken })).status).toBe(403);
      expect((await call(second, "POST", LOOKUP, body)).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it("keeps extra fields of an existing key file untouched", async () => {
    const keyDir = await newKeyDir();
    const first = await startSimulator({ port: 0, keyDir });
    await first.close();
    const edited = {
      ...(await readJson(first.legacyKeyFile)),
      adminRestApiUrl: "http://127.0.0.1:1/AdminInterface/restapi/v1",
      note: "kept",
    };
    await writeFile(first.legacyKeyFile, JSON.stringify(edited));
    const second = await startSimulator({ port: 0, keyDir });
    try {
      expect(await readJson(second.legacyKeyFile)).toEqual({ ...edited, adminRestApiUrl: second.adminRestApiUrl });
    } finally {
      await second.close();
    }
  });

  it("keeps an extra form's own key and accessID when its file already exists", async () => {
    const keyDir = await newKeyDir();
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const own = {
      customerName: "Another tenant export",
      accessID: "5d7c1c9e-8d4b-4a57-9a53-3f1f5a0b7c11",
      accessKey: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
      adminRestApiUrl: "http://127.0.0.1:1/AdminInterface/restapi",
    };
    await writeFile(path.join(keyDir, "legacy-admin-api-bare.key"), JSON.stringify(own), { mode: 0o600 });
    const sim = await startSimulator({ port: 0, keyDir });
    try {
      expect(sim.legacyKeys.bare.accessId).toBe(own.accessID);
      expect(await readJson(sim.legacyKeyFiles.bare)).toEqual({
        ...own,
        adminRestApiUrl: `${sim.url}/AdminInterface/restapi`,
      });
      const token = await legacyJwt(sim, { form: "bare" });
      expect((await call(sim, "POST", LOOKUP, body, { token })).status).toBe(200);
    } finally {
      await sim.close();
    }
  });

  it("refuses to start over an unreadable key file rather than overwrite it", async () => {
    const keyDir = await newKeyDir();
    await writeFile(path.join(keyDir, "legacy-admin-api.key"), "not json", { mode: 0o600 });
    await expect(startSimulator({ port: 0, keyDir })).rejects.toThrow(/not valid JSON/);
    expect(await readFile(path.join(keyDir, "legacy-admin-api.key"), "utf8")).toBe("not json");
  });
});
