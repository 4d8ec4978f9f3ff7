import { randomUUID } from "node:crypto";
import type { AuditActor, AuditEvent, ChangeFacts, IntentRef } from "@/lib/audit/events";
import { NO_REQUEST } from "@/lib/audit/events";

/** Builders for tests that write audit rows through the catalogue. */

export function testAgent(name: string): AuditActor & { kind: "user" } {
  return { kind: "user", id: randomUUID(), email: `${name.toLowerCase()}@example.com`, name, role: "AGENT" };
}

export function testChange(facts: Partial<ChangeFacts> & { action: string }): ChangeFacts {
  return { serial: null, tokenType: "SID700", rsaUserId: null, ticket: null, reason: null, note: null, ...facts };
}

export function testIntent(actor: AuditActor, change: ChangeFacts, id: string = randomUUID()): IntentRef {
  return { id, actor, request: NO_REQUEST, change };
}

/** The same event, as if it had happened `msAgo` milliseconds ago. */
export function backdated(event: AuditEvent, msAgo: number): AuditEvent {
  return { ...event, occurredAt: new Date(Date.now() - msAgo) } as AuditEvent;
}

/** Who makes user changes in tests (the audit requires someone). */
export const BY_TEST = { actor: { kind: "system", name: "test" } as AuditActor, request: NO_REQUEST };
