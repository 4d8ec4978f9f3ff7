import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { E2E } from "./support/environment";
import { demoAccount, signIn, uniqueEmail, userCommand } from "./support/fixtures";
import { ownerQuery } from "./support/tenant";

/**
 * The administration page, as a new administrator runs a team with it: users
 * added, changed and signed out from the browser (each change a USER_ADMIN
 * row naming the administrator), the last administrator kept, the RSA
 * connection checked, the audit trail verified and checkpointed, and the
 * configuration shown without a single secret.
 */

const admin = () => demoAccount("admin");

interface UserAdminRow extends Record<string, unknown> {
  action: string;
  actor_email: string | null;
  reason: string | null;
  state_before: Record<string, unknown> | null;
  state_after: Record<string, unknown> | null;
  details: { target?: { email?: string } } | null;
  whole: string;
}

async function head(): Promise<string> {
  const [row] = await ownerQuery<{ seq: string }>("SELECT coalesce(max(seq), 0)::text AS seq FROM audit_events");
  return row!.seq;
}

/** USER_ADMIN rows about `email` written after `since`, oldest first (and each row whole, as text). */
async function userAdminRows(since: string, email: string): Promise<UserAdminRow[]> {
  return ownerQuery<UserAdminRow>(
    `SELECT action, actor_email, reason, state_before, state_after, details, row_to_json(e)::text AS whole
       FROM audit_events e
      WHERE type = 'USER_ADMIN' AND seq > $1 AND details->'target'->>'email' = $2
      ORDER BY seq`,
    [since, email],
  );
}

async function openAdminPage(page: Page) {
  await signIn(page, admin());
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Administration", level: 1 })).toBeVisible();
}

/** Narrows the table to one person by typing into the search box, as an administrator of fifty would. */
async function findUser(page: Page, email: string) {
  const search = page.getByLabel("Search users");
  await search.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(email);
  await expect(page.getByTestId("user-row")).toHaveCount(1);
  await expect(page.getByTestId("user-row")).toContainText(email);
}

/** Opens a row's change with the keyboard: focus the button named for the person, press Enter. */
async function openRowAction(page: Page, action: string, name: string, email: string) {
  await page.getByRole("button", { name: `${action} ${name} (${email})` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeVisible();
}

/** A second person, signed in in a browser of their own. */
async function signedInElsewhere(browser: Browser, credentials: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, credentials);
  return { page, close: () => context.close() };
}

test.describe.configure({ mode: "serial" });

test("an administrator adds a user with the keyboard, reads the one-time password once, and the new user signs in with it", async ({
  page,
  browser,
}) => {
  await openAdminPage(page);
  const email = uniqueEmail("new.agent");
  const since = await head();

  const addButton = page.getByRole("button", { name: "Add user" });
  await addButton.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Add a user" })).toBeVisible();
  const form = page.getByRole("dialog");
  await expect(form.getByLabel("Name")).toBeFocused();
  await page.keyboard.type("Nora New");
  await page.keyboard.press("Tab");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Role")).toBeFocused();
  await expect(form.getByLabel("Role")).toHaveValue("AGENT");
  await page.keyboard.press("Tab");
  await page.keyboard.type("New hire on the service desk");
  await page.keyboard.press("Enter");

  const dialog = page.getByRole("dialog", { name: "Nora New was added" });
  await expect(dialog).toContainText("is an agent. Give them this password");
  const password = (await dialog.getByTestId("one-time-password").textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(12);
  await expect(page.getByTestId("users-announcement")).toHaveText("Nora New was added as an agent.");
  await dialog.getByRole("button", { name: "Done" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(addButton).toBeFocused();

  // Shown once: gone from the page, never in its address.
  expect(await page.content()).not.toContain(password);
  expect(page.url()).not.toContain(password);
  await findUser(page, email);
  await expect(page.getByTestId("user-row")).toContainText("Agent");

  const rows = await userAdminRows(since, email);
  expect(rows.map((r) => r.action)).toEqual(["USER_ADD"]);
  expect(rows[0]).toMatchObject({
    actor_email: admin().email,
    reason: "New hire on the service desk",
    state_after: { email, name: "Nora New", role: "AGENT", disabled: false },
  });
  expect(rows[0]!.whole).not.toContain(password);

  const newcomer = await signedInElsewhere(browser, { email, password });
  await expect(newcomer.page.getByTestId("current-user")).toContainText("Nora New");
  await newcomer.close();
});

test("a taken e-mail is refused beside the field, and nothing is added", async ({ page }) => {
  await openAdminPage(page);
  const since = await head();
  await page.getByRole("button", { name: "Add user" }).click();
  const form = page.getByRole("dialog", { name: "Add a user" });
  await form.getByLabel("Name").fill("Second Ada");
  await form.getByLabel("E-mail").fill(admin().email.toUpperCase());
  await form.getByRole("button", { name: "Add user" }).click();
  const emailField = page.getByRole("dialog").getByLabel("E-mail");
  await expect(emailField).toHaveAttribute("aria-invalid", "true");
  await expect(emailField).toBeFocused();
  await expect(page.getByRole("dialog")).toContainText(`A user with email ${admin().email} already exists.`);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  expect(await userAdminRows(since, admin().email)).toEqual([]);
});

test("role, disable, enable, password reset and ending sessions: each confirmed, audited, and felt by the user at once", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("changing");
  const firstPassword = "first-password-of-a-user";
  userCommand(["add", "--email", email, "--name", "Casey Change", "--role", "agent"], firstPassword);
  const since = await head();
  await openAdminPage(page);
  await findUser(page, email);
  const row = page.getByTestId("user-row");

  // Change role: the user's open session ends on its next request.
  let casey = await signedInElsewhere(browser, { email, password: firstPassword });
  await openRowAction(page, "Change role", "Casey Change", email);
  await expect(page.getByLabel("New role")).toBeFocused();
  await page.getByLabel("New role").selectOption("SUPERVISOR");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Promoted to team lead");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("users-announcement")).toHaveText("Casey Change is now a supervisor.");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(row).toContainText("Supervisor");
  await casey.page.reload();
  await expect(casey.page).toHaveURL(/\/signin/);
  await casey.close();

  // Disable (confirmed in a dialog naming the person), then enable.
  await openRowAction(page, "Disable", "Casey Change", email);
  await expect(page.getByRole("dialog", { name: "Disable Casey Change?" })).toContainText(
    "Casey Change is signed out at once and cannot sign in until an administrator enables them again.",
  );
  await expect(page.getByLabel("Reason (optional)")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("users-announcement")).toHaveText("Casey Change is disabled and was signed out.");
  await expect(row).toContainText("Disabled");
  await expect(page.getByRole("button", { name: `Enable Casey Change (${email})` })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Enable Casey Change" }).click();
  await expect(page.getByTestId("users-announcement")).toHaveText("Casey Change is enabled and can sign in again.");
  await expect(row).toContainText("Active");

  // Reset the password: the new one is shown once and works; the old one does not.
  await openRowAction(page, "Reset password", "Casey Change", email);
  await page.getByRole("button", { name: "Reset password" }).click();
  const dialog = page.getByRole("dialog", { name: "New password for Casey Change" });
  const newPassword = (await dialog.getByTestId("one-time-password").textContent())!.trim();
  expect(newPassword).not.toBe(firstPassword);
  await dialog.getByRole("button", { name: "Done" }).click();
  expect(await page.content()).not.toContain(newPassword);

  // End sessions: the open session is refused on its next request; signing in again works.
  casey = await signedInElsewhere(browser, { email, password: newPassword });
  await openRowAction(page, "End sessions", "Casey Change", email);
  await expect(page.getByRole("dialog", { name: "End all sessions of Casey Change?" })).toBeVisible();
  await page.getByLabel("Reason (optional)").fill("Laptop stolen");
  await page.getByRole("button", { name: "End sessions" }).click();
  await expect(page.getByTestId("users-announcement")).toHaveText("Ended 1 session of Casey Change.");
  await casey.page.reload();
  await expect(casey.page).toHaveURL(/\/signin/);
  await casey.close();

  const rows = await userAdminRows(since, email);
  expect(rows.map((r) => r.action)).toEqual([
    "USER_ROLE",
    "USER_DISABLE",
    "USER_ENABLE",
    "USER_PASSWORD_RESET",
    "USER_SESSIONS_ENDED",
  ]);
  for (const r of rows) {
    expect(r.actor_email).toBe(admin().email);
    expect(r.whole).not.toContain(newPassword);
  }
  expect(rows[0]).toMatchObject({
    reason: "Promoted to team lead",
    state_before: { role: "AGENT" },
    state_after: { role: "SUPERVISOR" },
  });
  expect(rows[1]).toMatchObject({ state_before: { disabled: false }, state_after: { disabled: true } });
  expect(rows[4]).toMatchObject({
    reason: "Laptop stolen",
    state_before: { openSessions: 1 },
    state_after: { openSessions: 0 },
  });
});

test("the last active administrator cannot be demoted or disabled: the sentence is shown and nothing changes", async ({
  page,
}) => {
  const [{ admins }] = (await ownerQuery<{ admins: number }>(
    "SELECT count(*)::int AS admins FROM users WHERE role = 'ADMIN' AND NOT disabled",
  )) as [{ admins: number }];
  expect(admins, "the demo administrator is the only active administrator").toBe(1);
  const { email } = admin();
  const since = await head();
  await openAdminPage(page);
  await findUser(page, email);

  await openRowAction(page, "Change role", "Ada Admin", email);
  await expect(page.getByRole("dialog")).toContainText("This is your own account: you will be signed out at once.");
  await page.getByLabel("New role").selectOption("AGENT");
  await page.getByRole("button", { name: "Change role" }).click();
  const sentence = `${email} is the last active administrator; make someone else an administrator first.`;
  await expect(page.getByRole("dialog").getByRole("alert")).toHaveText(sentence);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await openRowAction(page, "Disable", "Ada Admin", email);
  await page.getByRole("button", { name: "Disable Ada Admin" }).click();
  await expect(page.getByRole("dialog").getByRole("alert")).toHaveText(sentence);
  await page.keyboard.press("Escape");

  await expect(page.getByTestId("user-row")).toContainText("Administrator");
  await expect(page.getByTestId("user-row")).toContainText("Active");
  const [me] = await ownerQuery<{ role: string; disabled: boolean }>(
    "SELECT role, disabled FROM users WHERE email = $1",
    [email],
  );
  expect(me).toEqual({ role: "ADMIN", disabled: false });
  expect(await userAdminRows(since, email)).toEqual([]);
  // Still signed in: nothing ended the administrator's session.
  await page.reload();
  await expect(page.getByTestId("current-user")).toBeVisible();
});

test("the RSA connection: the simulated tenant named, and Check now shows the rsa:check diagnosis", async ({
  page,
}) => {
  await openAdminPage(page);
  await expect(page.getByTestId("rsa-mode")).toContainText("simulated tenant");
  // Demo mode signs in to the simulated tenant as an OAuth client, as RSA now recommends.
  await expect(page.locator("#rsa")).toContainText("OAuth client with a private key");
  await expect(page.locator("#rsa")).toContainText("client id tokendesk-simulator-");
  await page.getByRole("button", { name: "Check now" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("rsa-check-summary")).toHaveText("The RSA connection works.", { timeout: 20_000 });
  await expect(page.getByTestId("rsa-findings")).toContainText("A token lookup worked");
  await expect(page.getByTestId("rsa-findings")).toContainText("Credential: OAuth client tokendesk-simulator-");
  await expect(page.getByTestId("rsa-clock-skew")).toContainText("Clock skew");
});

test("Verify now and Download checkpoint: the chain verified, a signed line saved, the checkpoint audited", async ({
  page,
}) => {
  await openAdminPage(page);
  await page.getByRole("button", { name: "Verify now" }).click();
  await expect(page.getByTestId("audit-health-announcement")).toHaveText(
    /^The chain is intact: [\d,]+ rows verified\.$/,
    {
      timeout: 20_000,
    },
  );
  await expect(page.getByTestId("audit-last-verification")).toContainText("Intact");

  const since = await head();
  const downloaded = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download checkpoint" }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/^tokendesk-checkpoint-\d+-.+\.jsonl$/);
  const line = JSON.parse(readFileSync(await download.path(), "utf8").trim()) as Record<string, string>;
  expect(line).toMatchObject({ kind: "tokendesk-audit-checkpoint", version: 1 });
  expect(line.signature).toMatch(/^[0-9a-f]{64}$/);
  await expect(page.getByTestId("audit-health-announcement")).toContainText(`Checkpoint of row ${line.seq} saved`);
  await expect(page.getByTestId("audit-last-checkpoint")).toContainText(`Row ${line.seq}`);

  const rows = await ownerQuery<{ actor_email: string; details: { seq: string } }>(
    "SELECT actor_email, details FROM audit_events WHERE type = 'AUDIT_CHECKPOINT' AND seq > $1",
    [since],
  );
  expect(rows).toEqual([{ actor_email: admin().email, details: expect.objectContaining({ seq: line.seq }) }]);
});

test("the configuration summary lists the settings and shows no secret value", async ({ page }) => {
  await openAdminPage(page);
  const secrets = ["auth-secret", "audit-hmac-key", "pg-password", "pg-app-password"].map((file) =>
    readFileSync(path.join(E2E.dataDir, file), "utf8").trim(),
  );
  const table = page.getByRole("table", { name: "Configuration" });
  await expect(table.getByRole("row", { name: /NEXTAUTH_SECRET/ })).toContainText("set");
  await expect(table.getByRole("row", { name: /AUDIT_HMAC_KEY / })).toContainText("set");
  await expect(table.getByRole("row", { name: /^DATABASE_URL/ })).toContainText(
    `postgresql://127.0.0.1:${E2E.pgPort}/tokendesk`,
  );
  await expect(table.getByRole("row", { name: /OIDC_CLIENT_SECRET/ })).toContainText("not set");
  const html = await page.content();
  const text = await page.locator("body").innerText();
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(8);
    expect(html).not.toContain(secret);
    expect(text).not.toContain(secret);
  }
});

test("the page and its dialogs pass axe (WCAG 2.2 AA)", async ({ page }) => {
  await openAdminPage(page);
  await expectNoAxeViolations(page, "the administration page");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("dialog").getByLabel("Name")).toBeFocused();
  await expectNoAxeViolations(page, "the add-user dialog", { include: "[role=dialog]" });
  await page.keyboard.press("Escape");
  const { email } = demoAccount("agent");
  await findUser(page, email);
  await openRowAction(page, "End sessions", "Alex Agent", email);
  await expectNoAxeViolations(page, "the end-sessions dialog", { include: "[role=dialog]" });
});

test("the command line ends a user's sessions too, with the same audit row", async ({ page }) => {
  const email = uniqueEmail("cli.sessions");
  const password = "a-password-for-the-cli";
  userCommand(["add", "--email", email, "--name", "Cli Sessions", "--role", "agent"], password);
  await signIn(page, { email, password });
  const since = await head();
  expect(userCommand(["end-sessions", "--email", email])).toContain(`Ended 1 session of ${email}`);
  await page.reload();
  await expect(page).toHaveURL(/\/signin/);
  const rows = await userAdminRows(since, email);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ action: "USER_SESSIONS_ENDED", actor_email: null, state_after: { openSessions: 0 } });
});
