import { beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { checkReadiness } from "@/lib/health/readiness";
import { rsaAvailability } from "@/lib/rsa/availability";
import { getRsaClient, resetRsaClient } from "@/lib/rsa/client";
import { withSimulatedTenant } from "@/lib/test-support/rsa-tenant";
import { rsaFailure } from "@/lib/test-support/rsa-client-tenant";
import { SEED_EXAMPLES as S } from "@/simulator/index";

/** The read model for the desk banner and /api/ready: the app's own client, never a call of its own. */

const tenant = withSimulatedTenant({ timeoutMs: 300, totalTimeoutMs: 600 });
beforeAll(() => {
  process.env.RSA_BREAKER_FAILURES = "1";
  process.env.RSA_BREAKER_PROBE_SECONDS = "60";
  resetEnvCache();
  resetRsaClient();
  return () => {
    delete process.env.RSA_BREAKER_FAILURES;
    delete process.env.RSA_BREAKER_PROBE_SECONDS;
    resetEnvCache();
  };
});

describe("rsaAvailability()", () => {
  it("is unknown before tokendesk has called RSA, and makes no call itself", () => {
    const before = tenant.sim.requestCount();
    expect(rsaAvailability()).toEqual({ state: "unknown" });
    expect(tenant.sim.requestCount()).toBe(before);
  });

  it("is up once RSA answered (a 404 is an answer), down with the time when it stopped answering", async () => {
    await rsaFailure(getRsaClient().lookupSidToken("999999999999"));
    expect(rsaAvailability()).toMatchObject({ state: "up", lastSuccessAt: expect.any(String) });
    const stoppedAt = Date.now();
    tenant.sim.setFault({ kind: "hang" });
    expect((await rsaFailure(getRsaClient().lookupSidToken(S.assignedEnabledActivated))).kind).toBe("timeout");
    const down = rsaAvailability();
    expect(down.state).toBe("down");
    expect(Math.abs(Date.parse(down.downSince!) - stoppedAt)).toBeLessThan(1000);
  });

  it("is reported by /api/ready beside the database, without making the instance unready", async () => {
    tenant.sim.setFault({ kind: "gateway-html", status: 502 });
    await rsaFailure(getRsaClient().lookupSidToken(S.assignedEnabledActivated));
    const readiness = await checkReadiness();
    expect(readiness.rsaAvailability.state).toBe("down");
    expect(readiness.checks.database).toBe("ok");
    expect(readiness.ready).toBe(readiness.checks.migrations === "ok");
  });
});
