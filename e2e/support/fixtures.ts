import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { E2E } from "./environment";

export type DemoRole = "agent" | "supervisor" | "admin";

export function demoAccount(role: DemoRole): { email: string; password: string } {
  const saved = JSON.parse(readFileSync(path.join(E2E.dataDir, "demo-accounts.json"), "utf8")) as Record<
    string,
    string
  >;
  const email = `${role}@demo.tokendesk.example`;
  const password = saved[email];
  if (!password) throw new Error(`No demo password saved for ${email}`);
  return { email, password };
}

export async function signIn(page: Page, credentials: { email: string; password: string }) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** Runs `npm run user -- ...` against the e2e server's database, as an administrator would. */
export function userCommand(args: string[], input = ""): string {
  return execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/user.ts", ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, ...E2E.commandEnv },
  });
}

let counter = 0;
export function uniqueEmail(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}${++counter}@example.com`;
}
