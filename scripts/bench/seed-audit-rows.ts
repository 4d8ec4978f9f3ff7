import { randomUUID } from "node:crypto";
import pg from "pg";
import { chainHash, GENESIS_HASH, type ChainedFields } from "../../lib/audit/canonical";

/**
 * Fills audit_events with a realistic, correctly chained history for the
 * benchmark: 40 agents, 5,000 serials, lookups, changes with outcomes, refusals.
 */
export async function seedAuditRows(
  url: string,
  key: Buffer,
  total: number,
  log: (line: string) => void,
): Promise<{ agents: string[]; serials: string[]; tickets: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const agents = Array.from({ length: 40 }, () => randomUUID());
  const serials = Array.from({ length: 5000 }, (_, i) => String(100000000000 + i * 7919).padStart(12, "0"));
  const tickets = Array.from({ length: 20000 }, (_, i) => `INC-${100000 + i}`);
  const start = Date.now() - total * 1000; // one event a second, ending now
  let prevHash = GENESIS_HASH;
  let seq = 0n;
  let lastIntent: string | null = null;
  const BATCH = 5000;
  for (let done = 0; done < total; done += BATCH) {
    const rows: (ChainedFields & { prevHash: string; hash: string })[] = [];
    for (let i = 0; i < Math.min(BATCH, total - done); i++) {
      seq += 1n;
      const n = Number(seq);
      const agent = agents[n % agents.length]!;
      const serial = serials[(n * 31) % serials.length]!;
      const kind: "OUTCOME" | "LOOKUP" | "INTENT" | "REFUSED" = lastIntent
        ? "OUTCOME"
        : n % 10 < 6
          ? "LOOKUP"
          : n % 10 < 9
            ? "INTENT"
            : "REFUSED";
      const id = randomUUID();
      const row: ChainedFields = {
        seq,
        id,
        occurredAt: new Date(start + n * 1000),
        type:
          kind === "LOOKUP"
            ? "LOOKUP"
            : kind === "INTENT"
              ? "CHANGE_INTENT"
              : kind === "OUTCOME"
                ? "CHANGE_OUTCOME"
                : "CHANGE_REFUSED",
        actorId: agent,
        actorEmail: `agent${n % agents.length}@example.com`,
        actorName: `Agent ${n % agents.length}`,
        actorRole: "AGENT",
        action: kind === "LOOKUP" ? null : n % 3 === 0 ? "ENABLE" : n % 3 === 1 ? "DISABLE" : "UNASSIGN",
        serial,
        tokenType: "SID700",
        rsaUserId: `user-${(n * 13) % 3000}`,
        ticket: kind === "LOOKUP" ? null : tickets[n % tickets.length]!,
        reason: kind === "LOOKUP" ? null : "lost",
        note: null,
        intentId: kind === "OUTCOME" ? lastIntent : null,
        outcome:
          kind === "LOOKUP"
            ? n % 17 === 0
              ? "NOT_FOUND"
              : "FOUND"
            : kind === "OUTCOME"
              ? n % 23 === 0
                ? "FAILURE"
                : "SUCCESS"
              : kind === "REFUSED"
                ? "REFUSED"
                : null,
        rsaStatus: kind === "OUTCOME" ? (n % 23 === 0 ? 429 : 200) : null,
        errorCode: kind === "REFUSED" ? "STATE_CHANGED" : null,
        stateBefore:
          kind === "INTENT" ? { tokenStatus: "Enabled", tokenState: "Activated", userId: `user-${n % 3000}` } : null,
        stateAfter:
          kind === "OUTCOME" ? { tokenStatus: "Disabled", tokenState: "Activated", userId: `user-${n % 3000}` } : null,
        durationMs: kind === "OUTCOME" ? 100 + (n % 400) : null,
        requestId: randomUUID(),
        clientIp: "10.1.2.3",
        userAgent: "bench",
        details: null,
      };
      lastIntent = kind === "INTENT" ? id : null;
      const hash = chainHash(key, prevHash, row);
      rows.push({ ...row, prevHash, hash });
      prevHash = hash;
    }
    const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
    await client.query(
      `INSERT INTO audit_events (seq, id, type, occurred_at, actor_id, actor_email, actor_name, actor_role, action, serial, token_type,
         rsa_user_id, ticket, reason, note, intent_id, outcome, rsa_status, error_code, state_before, state_after, duration_ms,
         request_id, client_ip, user_agent, details, prev_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::"AuditEventType"[], $4::timestamptz[], $5::uuid[], $6::text[], $7::text[], $8::text[],
         $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::uuid[], $17::text[], $18::int[],
         $19::text[], $20::jsonb[], $21::jsonb[], $22::int[], $23::text[], $24::text[], $25::text[], $26::jsonb[], $27::text[], $28::text[])`,
      [
        col((r) => r.seq.toString()),
        col((r) => r.id),
        col((r) => r.type),
        col((r) => r.occurredAt),
        col((r) => r.actorId),
        col((r) => r.actorEmail),
        col((r) => r.actorName),
        col((r) => r.actorRole),
        col((r) => r.action),
        col((r) => r.serial),
        col((r) => r.tokenType),
        col((r) => r.rsaUserId),
        col((r) => r.ticket),
        col((r) => r.reason),
        col((r) => r.note),
        col((r) => r.intentId),
        col((r) => r.outcome),
        col((r) => r.rsaStatus),
        col((r) => r.errorCode),
        col((r) => (r.stateBefore ? JSON.stringify(r.stateBefore) : null)),
        col((r) => (r.stateAfter ? JSON.stringify(r.stateAfter) : null)),
        col((r) => r.durationMs),
        col((r) => r.requestId),
        col((r) => r.clientIp),
        col((r) => r.userAgent),
        col(() => null),
        col((r) => r.prevHash),
        col((r) => r.hash),
      ],
    );
    if ((done / BATCH) % 20 === 0) log(`  seeded ${(done + rows.length).toLocaleString()} rows`);
  }
  await client.query("ANALYZE audit_events");
  await client.end();
  return { agents, serials, tickets };
}
