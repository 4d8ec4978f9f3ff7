import "server-only";
import { env } from "@/lib/env";
import { diagnoseRsa } from "@/lib/rsa/diagnose";
import type { RsaCheckReport } from "@/lib/admin/types";

/**
 * "Check now": the diagnosis `npm run rsa:check` prints, for the page. The
 * last report is kept in this instance's memory so the clock difference it
 * measured is still shown after a reload (each instance measures its own
 * clock, which is the one that matters for its requests).
 */

const memory = globalThis as unknown as { tokendeskLastRsaCheck?: RsaCheckReport };

// diagnoseRsa reports the clock as "Clock skew: …" or "Could not read RSA's clock …".
const CLOCK_FINDING = /^Clock skew|RSA's clock/;

export async function checkRsaNow(now = new Date()): Promise<RsaCheckReport> {
  const diagnosis = await diagnoseRsa(env());
  const report: RsaCheckReport = {
    checkedAt: now.toISOString(),
    ok: diagnosis.ok,
    findings: diagnosis.findings,
    clockSkew: diagnosis.findings.find((f) => CLOCK_FINDING.test(f.text)) ?? null,
  };
  memory.tokendeskLastRsaCheck = report;
  return report;
}

export function lastRsaCheck(): RsaCheckReport | null {
  return memory.tokendeskLastRsaCheck ?? null;
}
