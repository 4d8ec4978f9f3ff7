import { existsSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { freePort } from "../lib/test-support/free-port";
import { BUILD_DIR } from "./support/environment";
import { startImpostorIssuer, startTestIdp, type TestIdp } from "./support/oidc-provider";
import {
  latestRows,
  redirectUriFor,
  signInWithSso,
  SSO_BUTTON,
  SSO_CLIENT_ID,
  startSsoInstance,
  type SsoInstance,
} from "./support/oidc-instance";

/**
 * Single sign-on end to end, in Chromium, against a real OpenID Connect
 * provider (oidc-provider, OpenID Certified) started here with a user in each
 * group, one in none and one who leaves; three tokendesk instances of the
 * test's own: passwords and single sign-on (A); single sign-on only, with a
 * wrong client secret (B); and an issuer whose discovery document names
 * another issuer (C). Every refusal is a sentence on the sign-in page, a
 * SIGN_IN_FAILED row in the audit, and no session.
 */

const SECRET = "correct-horse-battery-staple-e2e";
const SCREENSHOTS = "test-results/sso";

const USERS = {
  agnes: { email: "agnes@corp.example", name: "Agnes Agent", groups: ["helpdesk", "staff"] },
  // One string, as some providers send groups.
  sam: { email: "sam@corp.example", name: "Sam Supervisor", groups: "helpdesk-leads, staff" },
  ida: { email: "ida@corp.example", name: "Ida Admin", groups: ["helpdesk", "it-admins"] },
  nora: { email: "nora@corp.example", name: "Nora Nogroup", groups: ["staff"] },
  leo: { email: "leo@corp.example", name: "Leo Leaver", groups: ["helpdesk"] },
  mia: { email: "mia@corp.example", name: "Mia Token", groups: ["helpdesk"] },
};

const SENTENCES = {
  noRole:
    "Your identity provider signed you in, but you are not in any tokendesk group, so tokendesk did not let you in. Ask your administrator to add you to the right group.",
  tokenInvalid:
    "tokendesk could not verify your identity provider's answer (it was expired, altered or not meant for tokendesk), so you were not signed in.",
  providerRefused: "Your identity provider refused tokendesk's sign-in request, so you were not signed in.",
  issuerMismatch:
    "The identity provider did not identify itself as the one tokendesk is set up to trust, so you were not signed in. Tell your administrator.",
  passwordsOff: "Signing in with a password is turned off here. Use the single sign-on button instead.",
};

test.describe.configure({ mode: "serial" });

let idp: TestIdp;
let impostor: { issuer: string; close(): Promise<void> };
const ports = { a: 0, b: 0, c: 0 };

test.beforeAll(async () => {
  expect(existsSync(`${BUILD_DIR}/BUILD_ID`), `needs the production build in ${BUILD_DIR}`).toBe(true);
  ports.a = await freePort();
  ports.b = await freePort();
  ports.c = await freePort();
  idp = await startTestIdp({
    clientId: SSO_CLIENT_ID,
    clientSecret: SECRET,
    redirectUris: [redirectUriFor(ports.a), redirectUriFor(ports.b), redirectUriFor(ports.c)],
    users: USERS,
  });
  impostor = await startImpostorIssuer(idp.issuer);
});

test.afterAll(async () => {
  await impostor?.close();
  await idp?.close();
});

/** Signed in: the person's name and role in the top bar, and the navigation that role may use. */
async function expectSignedInAs(page: Page, name: string, role: string, nav: { audit: boolean; admin: boolean }) {
  await expect(page.getByTestId("current-user")).toContainText(name);
  await expect(page.getByTestId("current-user")).toContainText(role);
  const main = page.getByRole("navigation", { name: "Main" });
  await expect(main.getByRole("link", { name: "Desk" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Audit history" })).toHaveCount(nav.audit ? 1 : 0);
  await expect(main.getByRole("link", { name: "Administration" })).toHaveCount(nav.admin ? 1 : 0);
}

/** Refused: back on the sign-in page with the sentence, and no session. */
async function expectRefused(page: Page, baseUrl: string, sentence: string) {
  await expect(page).toHaveURL(/\/signin\?/);
  await expect(page.getByText(sentence, { exact: false })).toBeVisible();
  const session = (await (await page.request.get(`${baseUrl}/api/auth/session`)).json()) as { user?: unknown };
  expect(session.user).toBeUndefined();
}

test.describe("A: single sign-on beside passwords", () => {
  let a: SsoInstance;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    a = await startSsoInstance({ port: ports.a, issuer: idp.issuer, clientSecret: SECRET });
  });
  test.afterAll(async () => {
    await a?.stop();
  });

  test("the sign-in page offers the provider first, then the password form", async ({ page }) => {
    await page.goto(`${a.url}/signin`);
    await expect(page.getByRole("button", { name: SSO_BUTTON })).toBeFocused();
    await expect(page.getByLabel("Email")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/sign-in-with-sso-and-password.png`, fullPage: true });
  });

  for (const [login, expected] of [
    ["agnes", { name: "Agnes Agent", role: "Agent", audit: false, admin: false, dbRole: "AGENT" }],
    ["sam", { name: "Sam Supervisor", role: "Supervisor", audit: true, admin: false, dbRole: "SUPERVISOR" }],
    ["ida", { name: "Ida Admin", role: "Administrator", audit: true, admin: true, dbRole: "ADMIN" }],
  ] as const) {
    test(`${expected.name} lands as ${expected.role}, created on first sign-in`, async ({ page }) => {
      await signInWithSso(page, a.url, login);
      await expectSignedInAs(page, expected.name, expected.role, { audit: expected.audit, admin: expected.admin });
      const [user] = await a.query<{ role: string; password_hash: string | null; sso_subject: string }>(
        "SELECT role::text, password_hash, sso_subject FROM users WHERE email = $1",
        [USERS[login].email],
      );
      expect(user).toEqual({ role: expected.dbRole, password_hash: null, sso_subject: login });
      const [signIn] = await latestRows(a, ["SIGN_IN"], 1);
      expect(signIn).toMatchObject({ actor_email: USERS[login].email, details: { method: "sso" } });
    });
  }

  test("comes back to the page that asked for sign-in", async ({ page }) => {
    await signInWithSso(page, a.url, "sam", "/audit");
    await expect(page).toHaveURL(`${a.url}/audit`);
    await expectSignedInAs(page, "Sam Supervisor", "Supervisor", { audit: true, admin: false });
  });

  test("someone in no tokendesk group is refused with a sentence, audited", async ({ page }) => {
    await signInWithSso(page, a.url, "nora");
    await expectRefused(page, a.url, SENTENCES.noRole);
    // Read out with the button that has the focus, for someone who cannot see the notice.
    await expect(page.getByRole("button", { name: SSO_BUTTON })).toHaveAccessibleDescription(SENTENCES.noRole);
    await page.screenshot({ path: `${SCREENSHOTS}/refused-no-group.png`, fullPage: true });
    const [row] = await latestRows(a, ["SIGN_IN_FAILED"], 1);
    expect(row).toMatchObject({ outcome: "SSO_NO_ROLE", actor_email: USERS.nora.email });
    expect(await a.query("SELECT 1 FROM users WHERE email = $1", [USERS.nora.email])).toHaveLength(0);
  });

  test("someone removed from the group since last time is refused at the next sign-in, audited", async ({ page }) => {
    await signInWithSso(page, a.url, "leo");
    await expectSignedInAs(page, "Leo Leaver", "Agent", { audit: false, admin: false });
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    idp.setGroups("leo", ["staff"]);
    // Still signed in at the provider: it sends Leo straight back, with the new groups.
    await signInWithSso(page, a.url, "leo");
    await expectRefused(page, a.url, SENTENCES.noRole);
    const rows = await latestRows(a, ["SIGN_IN_FAILED", "USER_ADMIN"], 2);
    expect(rows.map((r) => [r.type, r.action, r.outcome])).toEqual([
      ["SIGN_IN_FAILED", null, "SSO_NO_ROLE"],
      ["USER_ADMIN", "USER_SSO_REFUSED", "REFUSED"],
    ]);
    expect(rows[0]).toMatchObject({ actor_email: USERS.leo.email, actor_name: "Leo Leaver" });
  });

  for (const [mode, what] of [
    ["expired", "an expired ID token (signed by the provider)"],
    ["forged", "a forged ID token (another key, administrator groups)"],
  ] as const) {
    test(`${what} is refused with a sentence, audited`, async ({ page }) => {
      idp.tamper(mode);
      try {
        await signInWithSso(page, a.url, "mia");
        await expectRefused(page, a.url, SENTENCES.tokenInvalid);
      } finally {
        idp.tamper("none");
      }
      if (mode === "forged") await page.screenshot({ path: `${SCREENSHOTS}/refused-forged-token.png`, fullPage: true });
      const [row] = await latestRows(a, ["SIGN_IN_FAILED"], 1);
      expect(row?.outcome).toBe("SSO_TOKEN_INVALID");
      expect(String(row?.details?.reason)).toMatch(mode === "expired" ? /JWT expired/ : /signature|no valid key/);
      expect(await a.query("SELECT 1 FROM users WHERE email = $1", [USERS.mia.email])).toHaveLength(0);
    });
  }
});

test.describe("B: single sign-on only, with a wrong client secret", () => {
  let b: SsoInstance;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    b = await startSsoInstance({
      port: ports.b,
      issuer: idp.issuer,
      clientSecret: "not-the-secret-the-provider-knows",
      passwords: "off",
    });
  });
  test.afterAll(async () => {
    await b?.stop();
  });

  test("the sign-in page shows only the provider's button", async ({ page }) => {
    await page.goto(`${b.url}/signin`);
    await expect(page.getByRole("button", { name: SSO_BUTTON })).toBeFocused();
    await expect(page.getByLabel("Email")).toHaveCount(0);
    await expect(page.getByLabel("Password")).toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOTS}/sign-in-sso-only.png`, fullPage: true });
  });

  test("the password endpoint refuses even a right password, audited", async ({ request, page }) => {
    const { csrfToken } = (await (await request.get(`${b.url}/api/auth/csrf`)).json()) as { csrfToken: string };
    const demo = b.demoAccount("admin");
    const response = await request.post(`${b.url}/api/auth/callback/credentials`, {
      form: { csrfToken, email: demo.email, password: demo.password, json: "true" },
    });
    expect(response.status()).toBe(403);
    expect(((await response.json()) as { url: string }).url).toBe(`${b.url}/signin?error=PASSWORDS_OFF`);
    const session = (await (await request.get(`${b.url}/api/auth/session`)).json()) as { user?: unknown };
    expect(session.user).toBeUndefined();
    const [row] = await latestRows(b, ["SIGN_IN_FAILED"], 1);
    expect(row).toMatchObject({ outcome: "PASSWORDS_OFF", actor_email: demo.email });
    // Where next-auth's client would send the browser: the sentence, and the button to use instead.
    await page.goto(`${b.url}/signin?error=PASSWORDS_OFF`);
    await expect(page.getByText(SENTENCES.passwordsOff)).toBeVisible();
  });

  test("a wrong client secret is refused with a sentence, audited", async ({ page }) => {
    await signInWithSso(page, b.url, "agnes");
    await expectRefused(page, b.url, SENTENCES.providerRefused);
    await page.screenshot({ path: `${SCREENSHOTS}/refused-wrong-secret.png`, fullPage: true });
    const [row] = await latestRows(b, ["SIGN_IN_FAILED"], 1);
    expect(row?.outcome).toBe("SSO_PROVIDER_REFUSED");
    expect(String(row?.details?.reason)).toContain("invalid_client");
  });
});

test.describe("C: a provider whose discovery document names another issuer", () => {
  let c: SsoInstance;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    c = await startSsoInstance({ port: ports.c, issuer: impostor.issuer, clientSecret: SECRET });
  });
  test.afterAll(async () => {
    await c?.stop();
  });

  test("is refused before the browser is sent anywhere, audited", async ({ page }) => {
    const visited: string[] = [];
    page.on("framenavigated", (frame) => visited.push(frame.url()));
    await signInWithSso(page, c.url, "agnes");
    await expectRefused(page, c.url, SENTENCES.issuerMismatch);
    expect(visited.filter((url) => !url.startsWith(c.url))).toEqual([]);
    const [row] = await latestRows(c, ["SIGN_IN_FAILED"], 1);
    expect(row?.outcome).toBe("SSO_ISSUER_MISMATCH");
    expect(String(row?.details?.reason)).toContain(idp.issuer);
  });
});
