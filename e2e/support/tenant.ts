import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { E2E } from "./environment";

/** Drives the e2e server's simulated RSA tenant over its control endpoints. */
export const tenant = {
  async reset() {
    await post("/__simulator/reset");
  },
  async fault(fault: Record<string, unknown>) {
    await post("/__simulator/faults", fault);
  },
  async clearFaults() {
    const response = await fetch(`${E2E.simulatorUrl}/__simulator/faults`, { method: "DELETE" });
    if (!response.ok) throw new Error(`clearing faults failed: ${response.status}`);
  },
  /** How many admin API requests the tenant has answered (to prove nothing was sent). */
  async requests(): Promise<number> {
    const response = await fetch(`${E2E.simulatorUrl}/__simulator/health`);
    return ((await response.json()) as { requests: number }).requests;
  },
  /** Changes a token behind tokendesk's back, as another administrator would. */
  async arrange(serial: string, state: Record<string, unknown>) {
    await post(`/__simulator/tokens/${serial}`, state);
  },
};

async function post(pathname: string, body?: unknown) {
  const response = await fetch(`${E2E.simulatorUrl}${pathname}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${pathname} failed: ${response.status} ${await response.text()}`);
}

/** A query against the e2e server's (local, embedded) database, as its owner. */
export async function ownerQuery<T extends Record<string, unknown>>(sql: string, values: unknown[] = []): Promise<T[]> {
  const password = readFileSync(path.join(E2E.dataDir, "pg-password"), "utf8").trim();
  const client = new pg.Client({
    connectionString: `postgresql://tokendesk:${encodeURIComponent(password)}@127.0.0.1:${E2E.pgPort}/tokendesk`,
  });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** Reads the e2e server's audit trail directly from its (local, embedded) database. */
export async function auditRows(serial: string) {
  const password = readFileSync(path.join(E2E.dataDir, "pg-password"), "utf8").trim();
  const client = new pg.Client({
    connectionString: `postgresql://tokendesk:${encodeURIComponent(password)}@127.0.0.1:${E2E.pgPort}/tokendesk`,
  });
  await client.connect();
  try {
    const result = await client.query(
      `SELECT type, action, outcome, ticket, reason, actor_email, intent_id, id, error_code FROM audit_events WHERE serial = $1 ORDER BY seq`,
      [serial],
    );
    return result.rows as {
      type: string;
      action: string | null;
      outcome: string | null;
      ticket: string | null;
      reason: string | null;
      actor_email: string | null;
      intent_id: string | null;
      id: string;
      error_code: string | null;
    }[];
  } finally {
    await client.end();
  }
}
