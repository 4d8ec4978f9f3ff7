import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { freePort } from "../../lib/test-support/free-port";
import { startOwnInstance, type OwnInstance } from "./own-instance";

/**
 * A tokendesk of the test's own, configured for single sign-on against a
 * test provider, plus what the tests need around it: its audit trail read
 * straight from its embedded database, and a sign-in walked the way a person
 * does it (keyboard on both sides).
 */

export const SSO_CLIENT_ID = "tokendesk-e2e";
export const SSO_BUTTON = "Sign in with Corp SSO";
export const ROLE_MAP = "helpdesk=agent,helpdesk-leads=supervisor,it-admins=admin";

export interface SsoInstance extends OwnInstance {
  query<T extends Record<string, unknown>>(sql: string, values?: unknown[]): Promise<T[]>;
}

export async function startSsoInstance(options: {
  port: number;
  issuer: string;
  clientSecret: string;
  passwords?: "on" | "off";
}): Promise<SsoInstance> {
  const pgPort = await freePort();
  const instance = await startOwnInstance({
    port: options.port,
    timeoutMs: 150_000,
    env: {
      EMBEDDED_PG_PORT: String(pgPort),
      NEXTAUTH_URL: `http://localhost:${options.port}`,
      OIDC_ISSUER: options.issuer,
      OIDC_CLIENT_ID: SSO_CLIENT_ID,
      OIDC_CLIENT_SECRET: options.clientSecret,
      OIDC_ROLE_MAP: ROLE_MAP,
      OIDC_NAME: "Corp SSO",
      AUTH_PASSWORDS: options.passwords ?? "on",
    },
  });
  return {
    ...instance,
    async query<T extends Record<string, unknown>>(sql: string, values: unknown[] = []) {
      const password = readFileSync(path.join(instance.dataDir, "pg-password"), "utf8").trim();
      const client = new pg.Client({
        connectionString: `postgresql://tokendesk:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/tokendesk`,
      });
      await client.connect();
      try {
        return (await client.query<T>(sql, values)).rows;
      } finally {
        await client.end();
      }
    },
  };
}

/** The redirect URI to register at the provider for an instance on this port. */
export const redirectUriFor = (port: number) => `http://localhost:${port}/api/auth/callback/oidc`;

/**
 * Opens `startPath` (a page that sends a signed-out visitor to sign in, or the
 * sign-in page itself), starts single sign-on from the keyboard (the button
 * has the focus), and signs in at the provider as `login` when it asks (it
 * does not while it still has a session of its own in this browser).
 */
export async function signInWithSso(page: Page, baseUrl: string, login: string, startPath = "/signin"): Promise<void> {
  await page.goto(`${baseUrl}${startPath}`);
  await expect(page).toHaveURL(/\/signin/);
  const signInPage = page.url();
  await expect(page.getByRole("button", { name: SSO_BUTTON })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.href !== signInPage, { timeout: 30_000 });
  if (new URL(page.url()).origin === baseUrl) return; // refused before the provider was asked
  const home = page
    .waitForURL((url) => url.origin === baseUrl, { timeout: 30_000 })
    .then(
      () => "home" as const,
      () => "timeout" as const,
    );
  const form = page
    .locator('input[name="login"]')
    .waitFor({ timeout: 30_000 })
    .then(
      () => "form" as const,
      () => "timeout" as const,
    );
  const first = await Promise.race([home, form]);
  if (first === "form") {
    await page.keyboard.type(login);
    await page.keyboard.press("Tab");
    await page.keyboard.type("any password: the test provider checks none");
    await page.keyboard.press("Enter");
  }
  expect(await home, "back at tokendesk after the provider").toBe("home");
  await page.waitForLoadState("load");
}

/** The newest audit rows of these types (newest first). */
export async function latestRows(instance: SsoInstance, types: string[], limit = 5) {
  return instance.query<{
    type: string;
    action: string | null;
    outcome: string | null;
    actor_email: string | null;
    actor_name: string | null;
    details: Record<string, unknown> | null;
  }>(
    `SELECT type::text, action, outcome, actor_email, actor_name, details FROM audit_events
      WHERE type::text = ANY($1) ORDER BY seq DESC LIMIT $2`,
    [types, limit],
  );
}
