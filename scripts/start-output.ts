import type { DemoAccount } from "../lib/users/demo-accounts";
import { ROLE_LABELS } from "../lib/auth/permissions";

export function say(line: string): void {
  console.log(`[tokendesk] ${line}`);
}

export function warn(line: string): void {
  console.log(`[tokendesk] Warning: ${line}`);
}

export function printBanner(info: { url: string; demo: boolean; accounts: DemoAccount[] }): void {
  const lines = [``, `  tokendesk is running at ${info.url}`];
  if (info.demo) {
    lines.push(
      ``,
      `  DEMO MODE — no RSA credentials configured; using the bundled simulated RSA tenant.`,
      `  Demo accounts (one per role):`,
      ...info.accounts.map((a) => `    ${ROLE_LABELS[a.role].padEnd(14)} ${a.email.padEnd(36)} ${a.password}`),
    );
  }
  lines.push(``, `  Press Ctrl+C to stop.`, ``);
  console.log(lines.join("\n"));
}
