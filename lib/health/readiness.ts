import "server-only";
import pg from "pg";
import { env, rsaCredentialKind } from "@/lib/env";
import { migrationStatus } from "@/lib/db/migrations";
import { rsaAvailability, type RsaAvailability } from "@/lib/rsa/availability";

export interface Readiness {
  ready: boolean;
  checks: {
    database: "ok" | "unreachable" | "not-configured";
    migrations: "ok" | "pending" | "changed" | "unknown";
    rsa: "configured" | "demo" | "missing";
  };
  /**
   * Whether RSA answers this instance (from the circuit breaker; no call is
   * made). Reported, never part of `ready`: RSA being down is not this
   * instance's fault, and a load balancer must not pull every healthy instance.
   */
  rsaAvailability: RsaAvailability;
}

/** What /api/ready reports. Says what is wrong in words, never how to reach it. */
export async function checkReadiness(): Promise<Readiness> {
  const e = env();
  const checks: Readiness["checks"] = {
    database: "not-configured",
    migrations: "unknown",
    rsa: e.DEMO_MODE ? "demo" : rsaCredentialKind(e) === "none" ? "missing" : "configured",
  };
  if (e.DATABASE_URL) {
    const client = new pg.Client({ connectionString: e.DATABASE_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      checks.database = "ok";
      const status = await migrationStatus(client);
      checks.migrations = status.problems.length > 0 ? "changed" : status.pending.length > 0 ? "pending" : "ok";
    } catch {
      if (checks.database !== "ok") checks.database = "unreachable";
    } finally {
      await client.end().catch(() => {});
    }
  }
  const ready = checks.database === "ok" && checks.migrations === "ok" && checks.rsa !== "missing";
  return { ready, checks, rsaAvailability: rsaAvailability() };
}
