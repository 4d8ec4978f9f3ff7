import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { closedPort } from "@/lib/test-support/closed-port";
import { diagnoseRsa } from "@/lib/rsa/diagnose";
import { startSimulator, type RunningSimulator } from "@/simulator/index";

let sim: RunningSimulator;
let skewed: RunningSimulator;
let keyDir: string;

beforeAll(async () => {
  keyDir = await mkdtemp(path.join(tmpdir(), "tokendesk-check-"));
  sim = await startSimulator({ port: 0, keyDir });
  // A tenant whose clock runs two hours ahead of this machine.
  skewed = await startSimulator({
    port: 0,
    keyDir: await mkdtemp(path.join(tmpdir(), "tokendesk-check-skew-")),
    now: () => Date.now() + 2 * 3600_000,
  });
});
afterAll(async () => {
  await sim.close();
  await skewed.close();
});

const text = (d: Awaited<ReturnType<typeof diagnoseRsa>>) => d.findings.map((f) => `${f.level}: ${f.text}`).join("\n");

describe("npm run rsa:check", () => {
  it("confirms a good legacy key with the tenant URL and a harmless lookup", async () => {
    const d = await diagnoseRsa(parseEnv({ RSA_ADMIN_KEY_FILE: sim.legacyKeyFile }));
    expect(d.ok).toBe(true);
    expect(text(d)).toContain(`Tenant API: ${sim.url}/AdminInterface/restapi`);
    expect(text(d)).toMatch(/ok: Clock skew: -?\d+\.\d s/);
    expect(text(d)).toMatch(/ok: A token lookup worked \(serial 000000000000 is not found, as expected\)/);
  });

  it("confirms a good OAuth client", async () => {
    const d = await diagnoseRsa(
      parseEnv({
        RSA_OAUTH_ISSUER: sim.oauth.issuer,
        RSA_OAUTH_CLIENT_ID: sim.oauth.clientId,
        RSA_OAUTH_KEY_FILE: sim.oauth.keyFile,
        RSA_ADMIN_API_URL: sim.adminRestApiUrl,
      }),
    );
    expect(d.ok).toBe(true);
    expect(text(d)).toContain("Obtained an access token");
  });

  it("explains a refused key whose audience was edited", async () => {
    const edited = path.join(keyDir, "edited.key");
    const key = JSON.parse(await readFile(sim.legacyKeyFile, "utf8")) as { adminRestApiUrl: string };
    await writeFile(edited, JSON.stringify({ ...key, adminRestApiUrl: `${key.adminRestApiUrl}/` }));
    const d = await diagnoseRsa(parseEnv({ RSA_ADMIN_KEY_FILE: edited }));
    expect(d.ok).toBe(false);
    expect(text(d)).toMatch(/fail: RSA refused tokendesk's credentials \(HTTP 403/);
    expect(text(d)).toMatch(/the audience must be adminRestApiUrl exactly as downloaded/);
  });

  it("names a clock that is off as the reason", async () => {
    const d = await diagnoseRsa(parseEnv({ RSA_ADMIN_KEY_FILE: skewed.legacyKeyFile }));
    expect(d.ok).toBe(false);
    expect(text(d)).toMatch(/fail: This machine's clock is (7199|720\d) s behind RSA's; RSA allows 60 s/);
  });

  it("names a bad key file before calling anything", async () => {
    const broken = path.join(keyDir, "broken.key");
    await writeFile(
      broken,
      JSON.stringify({ accessID: "x", accessKey: "not a key", adminRestApiUrl: sim.adminRestApiUrl }),
    );
    const d = await diagnoseRsa(parseEnv({ RSA_ADMIN_KEY_FILE: broken }));
    expect(d).toEqual({
      ok: false,
      findings: [{ level: "fail", text: expect.stringMatching(/accessKey in .* is not a readable PEM private key/) }],
    });
  });

  it("explains an unreachable tenant", async () => {
    const unreachable = path.join(keyDir, "unreachable.key");
    const key = JSON.parse(await readFile(sim.legacyKeyFile, "utf8")) as Record<string, unknown>;
    const port = await closedPort();
    await writeFile(
      unreachable,
      JSON.stringify({ ...key, adminRestApiUrl: `http://127.0.0.1:${port}/AdminInterface/restapi/v1` }),
    );
    const d = await diagnoseRsa(parseEnv({ RSA_ADMIN_KEY_FILE: unreachable, RSA_TOTAL_TIMEOUT_MS: "2000" }));
    expect(d.ok).toBe(false);
    expect(text(d)).toContain(`could not reach 127.0.0.1:${port} (ECONNREFUSED)`);
  });

  it("fails, naming the URL it tried, when that URL answers a 404 that is not RSA's own", async () => {
    const wrong = `${sim.url}/AdminInterface/rest`;
    const d = await diagnoseRsa(
      parseEnv({
        RSA_OAUTH_ISSUER: sim.oauth.issuer,
        RSA_OAUTH_CLIENT_ID: sim.oauth.clientId,
        RSA_OAUTH_KEY_FILE: sim.oauth.keyFile,
        RSA_ADMIN_API_URL: wrong,
      }),
    );
    expect(d.ok).toBe(false);
    expect(text(d)).toContain(`fail: ${wrong}/v1/sidTokens/lookup answered 404 without RSA's own error body`);
    expect(text(d)).toMatch(/Check RSA_ADMIN_API_URL/);
    expect(text(d)).not.toMatch(/A token lookup worked/);
  });

  it.each(["framework", "html", "empty"] as const)(
    "fails on a route-level 404 (%s) at the tenant's URL",
    async (shape) => {
      sim.setFault({ kind: "route-not-found", shape });
      try {
        const d = await diagnoseRsa(parseEnv({ RSA_ADMIN_KEY_FILE: sim.legacyKeyFile }));
        expect(d.ok).toBe(false);
        expect(text(d)).toContain(`fail: ${sim.url}/AdminInterface/restapi/v1/sidTokens/lookup answered 404`);
        expect(text(d)).toMatch(/Check adminRestApiUrl in /);
      } finally {
        sim.clearFaults();
      }
    },
  );
});
