import { expect, test } from "@playwright/test";
import { demoAccount, signIn, uniqueEmail, userCommand } from "./support/fixtures";

const NAV = {
  agent: ["Desk"],
  supervisor: ["Desk", "Audit history"],
  admin: ["Desk", "Audit history", "Administration"],
} as const;

test.describe("sign-in and roles", () => {
  for (const role of ["agent", "supervisor", "admin"] as const) {
    test(`${role} signs in and sees only the navigation the role may use`, async ({ page }) => {
      await signIn(page, demoAccount(role));
      const nav = page.getByRole("navigation", { name: "Main" });
      await expect(nav.getByRole("link")).toHaveText([...NAV[role]]);
      await expect(page.getByText("DEMO — simulated RSA tenant")).toBeVisible();
    });
  }

  test("a wrong password and an unknown email get the same message", async ({ page }) => {
    const { email } = demoAccount("agent");
    const message = "The email or password is not correct.";
    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("definitely-not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("status")).toHaveText(message);

    await page.getByLabel("Email").fill("nobody@demo.tokendesk.example");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("status")).toHaveText(message);
    await expect(page).toHaveURL(/\/signin/);
  });

  test("after five failed sign-ins for an email, the next attempt is refused with a wait", async ({ page }) => {
    const email = uniqueEmail("guesser");
    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Password").fill(`wrong-password-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("status")).toHaveText("The email or password is not correct.");
    }
    await page.getByLabel("Password").fill("wrong-password-again");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("status")).toContainText("Too many failed sign-ins for this email. Wait 15 minutes");
  });

  test("after sign-out, a copy of the old session cookie is refused", async ({ page, browser }) => {
    await signIn(page, demoAccount("supervisor"));
    const copied = await page.context().cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);

    const thief = await browser.newContext();
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto("/audit");
    await expect(stolen).toHaveURL(/\/signin/);
    const session = await thief.request.get("/api/auth/session");
    expect((await session.json()).user).toBeUndefined();
    await thief.close();
  });

  test("a user disabled from the command line is signed out on the next request", async ({ page }) => {
    const email = uniqueEmail("disable-me");
    const password = "a-long-enough-password";
    expect(userCommand(["add", "--email", email, "--name", "Disable Me", "--role", "agent"], password)).toContain(
      `Created ${email}`,
    );
    await signIn(page, { email, password });

    expect(userCommand(["disable", "--email", email])).toContain("Disabled");
    await page.reload();
    await expect(page).toHaveURL(/\/signin/);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("status")).toHaveText("The email or password is not correct.");
  });

  test("an agent cannot open an admin-only page by URL", async ({ page }) => {
    await signIn(page, demoAccount("agent"));
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
    await expect(page.getByText("admin@demo.tokendesk.example")).toHaveCount(0);
  });

  test("signed-out visitors are sent to sign-in and come back afterwards", async ({ page }) => {
    await page.goto("/audit");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faudit/);
    await page.getByLabel("Email").fill(demoAccount("supervisor").email);
    await page.getByLabel("Password").fill(demoAccount("supervisor").password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/audit$/);
  });
});

test.describe("health", () => {
  test("health and readiness answer without authentication and without secrets", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expect((await health.json()).status).toBe("ok");
    const ready = await request.get("/api/ready");
    expect(ready.status()).toBe(200);
    const body = await ready.json();
    expect(body).toMatchObject({ ready: true, checks: { database: "ok", migrations: "ok", rsa: "demo" } });
    expect(["up", "unknown"]).toContain(body.rsaAvailability.state);
    expect(JSON.stringify(body)).not.toMatch(/postgres|password|secret/i);
  });
});
