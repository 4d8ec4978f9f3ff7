import { expect, test, type Page } from "@playwright/test";
import { SEED_EXAMPLES } from "../simulator/index";
import { expectNoAxeViolations } from "./support/axe";
import { demoAccount, signIn } from "./support/fixtures";
import { tenant } from "./support/tenant";

/**
 * axe-core on every screen and every state a person reaches: WCAG 2.2 AA and
 * axe's best practices, zero violations of any impact. Each screen is checked
 * softly, so one run lists everything there is to fix.
 */

test.beforeEach(async () => {
  await tenant.reset();
});

test("sign-in, with and without a message", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByLabel("Email")).toBeFocused();
  await expectNoAxeViolations(page, "sign-in");
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("status")).not.toBeEmpty();
  await expectNoAxeViolations(page, "sign-in after a refused password");
  await page.goto("/signin?reason=ended");
  await expectNoAxeViolations(page, "sign-in after a session ended");
});

test("the desk: empty, a SID700 token, a DS100 and the confirm dialog", async ({ page }) => {
  await signIn(page, demoAccount("agent"));
  await page.goto("/");
  await expect(page.getByLabel("Serial number")).toBeFocused();
  await expectNoAxeViolations(page, "the empty desk");

  await page.goto(`/tokens/${SEED_EXAMPLES.assignedEnabledActivated}`);
  await expect(page.getByTestId("token-card")).toBeVisible();
  await expectNoAxeViolations(page, "a SID700 token");

  await page.getByRole("button", { name: /Disable token/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Ticket reference")).toBeFocused();
  await expectNoAxeViolations(page, "the confirm dialog");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await page.goto(`/tokens/${SEED_EXAMPLES.ds100Device}`);
  await expect(page.getByTestId("token-card")).toBeVisible();
  await expectNoAxeViolations(page, "a DS100 authenticator");
});

test("calls that start with a person: the list of people, the caller's card, a refusal, the emergency code", async ({
  page,
}) => {
  await signIn(page, demoAccount("agent"));
  await page.goto("/people?q=jane");
  await expect(page.getByTestId("people").getByRole("link").first()).toBeVisible();
  await expectNoAxeViolations(page, "a list of people");

  await page.goto("/people?q=nobody-by-this-name");
  await expect(page.getByTestId("no-people")).toBeVisible();
  await expectNoAxeViolations(page, "nobody found");

  await page.goto(`/users/${encodeURIComponent(SEED_EXAMPLES.users.janeDoe.email)}`);
  await expect(page.getByTestId("user-card")).toBeVisible();
  await expectNoAxeViolations(page, "the caller's card");

  // A dialog that refuses: a field left out is named beside it.
  await page.getByRole("button", { name: /Issue emergency access code/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: /Issue/ }).last().click();
  await expect(dialog.getByLabel("Ticket reference")).toBeFocused();
  await expectNoAxeViolations(page, "a dialog with a field missing");
  await dialog.getByLabel("Ticket reference").fill("INC-A11Y");
  await dialog.getByLabel("Reason").selectOption({ index: 1 });
  await dialog.getByRole("button", { name: /Issue/ }).last().click();
  await expect(page.getByTestId("emergency-code")).toBeVisible();
  await expectNoAxeViolations(page, "the emergency code shown once");

  await page.goto(`/users/${encodeURIComponent(SEED_EXAMPLES.userEmails.userAtTokenLimit)}`);
  await expect(page.getByTestId("token-limit")).toBeVisible();
  await expectNoAxeViolations(page, "a caller at the five-token limit");
});

test("the audit page: default view, every view and filter, details and the raw record", async ({ browser, page }) => {
  // Eleven full-page axe runs over a 50-row table.
  test.setTimeout(120_000);
  // One change with a ticket, reason and note, so a row has every detail to show.
  const agent = await browser.newPage();
  await signIn(agent, demoAccount("agent"));
  const ticket = `INC-A11Y-${Date.now()}`;
  await agent.goto(`/tokens/${SEED_EXAMPLES.assignedDisabled}?ticket=${ticket}`);
  await agent.getByRole("button", { name: /Enable token/ }).click();
  await agent.getByRole("dialog").getByLabel("Reason").selectOption("found");
  await agent.getByRole("dialog").getByRole("button", { name: "Enable token" }).click();
  await expect(agent.getByTestId("status-badge")).toHaveText(/Enabled/);
  await agent.close();

  await signIn(page, demoAccount("supervisor"));
  await page.goto("/audit");
  await expect(page.getByTestId("audit-row").first()).toBeVisible();
  await expectNoAxeViolations(page, "the audit page (default view)");

  for (const view of ["Lookups", "Sign-ins", "Administration", "Everything", "Changes and refusals"]) {
    await page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: view }).click();
    await expect(page.getByRole("link", { name: view, exact: true })).toHaveAttribute("aria-current", "page");
    await expectNoAxeViolations(page, `the audit page (${view})`);
  }

  // Every filter control holding a value, and a custom time range.
  const filter = (label: string) => page.getByRole("search").getByLabel(label, { exact: true });
  await filter("Time").selectOption("custom");
  await filter("From (custom range, UTC)").fill("2020-01-01T00:00");
  await filter("To (custom range, UTC)").fill("2099-01-01T00:00");
  await filter("Agent").selectOption({ index: 1 });
  await filter("Action").selectOption("enable");
  await filter("Outcome").selectOption("success");
  await filter("Serial").fill(SEED_EXAMPLES.assignedDisabled);
  await filter("Ticket").fill(ticket);
  await filter("Owner (RSA id)").fill("");
  await expectNoAxeViolations(page, "the audit filters, filled in");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/range=custom/);
  await expectNoAxeViolations(page, "the audit page with every filter applied");
  await page.goto(`/audit?ticket=${ticket}&range=all&action=all`);

  const row = page.getByTestId("audit-row").first();
  await row.getByRole("button", { name: /Details/ }).click();
  const detail = page.getByTestId("audit-detail").first();
  await expect(detail).toBeVisible();
  await expectNoAxeViolations(page, "the audit page with a row's details open");
  await detail.getByText("Raw record").click();
  await expect(detail.getByTestId("raw-record")).toBeVisible();
  await expectNoAxeViolations(page, "the audit page with the raw record open");

  await page.goto("/audit?range=all&action=all&outcome=not-found&serial=999999999999");
  await expect(page.getByText("No audit events match these filters.")).toBeVisible();
  await expectNoAxeViolations(page, "the audit page with nothing to show");
});

test("the administration page", async ({ page }) => {
  await signIn(page, demoAccount("admin"));
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, "the administration page");
});

test("the skip link is the first stop and moves focus to the main content", async ({ page }) => {
  await signIn(page, demoAccount("supervisor"));
  await page.goto("/audit");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await expectFocusInside(page, "main");
});

async function expectFocusInside(page: Page, selector: string) {
  await page.keyboard.press("Tab");
  expect(await page.evaluate((s) => document.activeElement?.closest(s) !== null, selector)).toBe(true);
}
