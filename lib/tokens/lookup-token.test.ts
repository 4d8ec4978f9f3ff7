import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { userActor } from "@/lib/audit/actors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getRsaClient } from "@/lib/rsa/client";
import { withSimulatedTenant } from "@/lib/test-support/rsa-tenant";
import { changeToken } from "@/lib/tokens/change-token";
import { lookupToken } from "@/lib/tokens/lookup-token";
import { sidSnapshot } from "@/lib/tokens/token-actions";
import { SEED_EXAMPLES } from "@/simulator/index";

/**
 * A lookup reads what tokendesk knows of the token (owner's name, last
 * change) while its audit row is written, and never answers without that row.
 */

const failAppends = { on: false };
vi.mock("@/lib/audit/append", async (original) => {
  const real = await original<typeof import("@/lib/audit/append")>();
  return {
    ...real,
    appendAuditEvent: (event: Parameters<typeof real.appendAuditEvent>[0]) =>
      failAppends.on ? Promise.reject(new Error("audit trail unavailable")) : real.appendAuditEvent(event),
  };
});

withSimulatedTenant();

const agent: CurrentUser = {
  id: randomUUID(),
  email: "lookup.agent@example.com",
  displayName: "Lee Lookup",
  role: "AGENT",
  sessionId: randomUUID(),
};
const ctx = () => ({ requestId: randomUUID(), clientIp: "10.0.0.8", userAgent: "vitest" });

describe("a lookup", () => {
  it("answers with the owner's name and the last confirmed change, its row committed", async () => {
    const serial = SEED_EXAMPLES.assignedEnabledSpares[3]!;
    const token = await getRsaClient().lookupSidToken(serial);
    await db().rsaUserDirectoryEntry.upsert({
      where: { rsaUserId: token.userId! },
      create: {
        rsaUserId: token.userId!,
        email: "owner@example.com",
        firstName: "Olive",
        lastName: "Owner",
        seenAt: new Date(),
      },
      update: { firstName: "Olive", lastName: "Owner" },
    });
    const changed = await changeToken(
      userActor(agent),
      {
        serial,
        tokenType: "SID700",
        action: "disable",
        expected: sidSnapshot(token),
        details: { ticket: "INC-2001", reason: "lost", note: "" },
      },
      ctx(),
    );
    expect(changed.ok).toBe(true);

    const request = ctx();
    const result = await lookupToken(agent, { serial, kind: "sid700" }, request);
    expect(result).toMatchObject({
      ok: true,
      data: {
        found: true,
        owner: { rsaUserId: token.userId, name: "Olive Owner", email: "owner@example.com" },
        lastChange: { action: "DISABLE", actorName: "Lee Lookup", ticket: "INC-2001", reason: "lost" },
      },
    });
    const row = await db().auditEvent.findFirst({ where: { type: "LOOKUP", requestId: request.requestId } });
    expect(row).toMatchObject({ serial, outcome: "FOUND", rsaUserId: token.userId });
  });

  it("shows nothing when its audit row cannot be written", async () => {
    failAppends.on = true;
    try {
      const result = await lookupToken(
        agent,
        { serial: SEED_EXAMPLES.assignedEnabledActivated, kind: "sid700" },
        ctx(),
      );
      expect(result).toMatchObject({ ok: false, code: "AUDIT_UNAVAILABLE" });
      expect(JSON.stringify(result)).not.toContain(SEED_EXAMPLES.assignedEnabledActivated);
    } finally {
      failAppends.on = false;
    }
  });
});
