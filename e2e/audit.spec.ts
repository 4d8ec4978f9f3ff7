import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { freePort } from "../lib/test-support/free-port";
import { SEED_EXAMPLES } from "../simulator/index";
import { E2E } from "./support/environment";
import { demoAccount, signIn } from "./support/fixtures";
import { startOwnInstance } from "./support/own-instance";
import { tenant } from "./support/tenant";

/** An agent enables the seeded disabled token under a ticket, through the desk. */
async function enableUnderTicket(browser: Browser, serial: string, ticket: string) {
  const agentPage = await browser.newPage();
  await signIn(agentPage, demoAccount("agent"));
  await agentPage.goto(`/tokens/${serial}?ticket=${ticket}`);
  await agentPage.getByRole("button", { name: /Enable token/ }).click();
  await agentPage.getByRole("dialog").getByLabel("Reason").selectOption("found");
  await agentPage.getByRole("dialog").getByRole("button", { name: "Enable token" }).click();
  await expect(agentPage.getByTestId("status-badge")).toHaveText(/Enabled/);
  return agentPage;
}

async function openDetails(page: Page, rowText: string) {
  const row = page.getByTestId("audit-row").filter({ hasText: rowText }).first();
  await row.getByRole("button", { name: /Details/ }).click();
  await expect(row.getByRole("button", { name: /Details/ })).toHaveAttribute("aria-expanded", "true");
  return page.getByTestId("audit-detail").filter({ visible: true }).first();
}

test.beforeEach(async () => {
  await tenant.reset();
});

test("a supervisor reads changes first, filters, pages through lookups, opens a row and exports the filtered CSV", async ({
  browser,
}) => {
  // An agent makes 55 lookups (through the same route the desk uses) and one change with a ticket.
  const serial = SEED_EXAMPLES.assignedDisabled;
  const ticket = `INC-AUDIT-${Date.now()}`;
  const agentPage = await enableUnderTicket(browser, serial, ticket);
  // Looking the owner up puts their name in tokendesk's directory.
  expect((await agentPage.request.get(`/api/users/${SEED_EXAMPLES.userEmails.assignedDisabled}`)).ok()).toBe(true);
  for (let i = 0; i < 55; i++) {
    const response = await agentPage.request.get(`/api/tokens/${SEED_EXAMPLES.unassignedEnabled}`);
    expect(response.ok()).toBe(true);
  }
  await agentPage.close();

  const page = await browser.newPage();
  await signIn(page, demoAccount("supervisor"));
  await page.getByRole("link", { name: "Audit history" }).click();
  await expect(page.getByTestId("verification-status")).toBeVisible();

  // The default view is changes and refusals: the change is there, the 55 lookups are not.
  const views = page.getByRole("navigation", { name: "Views" });
  await expect(views.getByRole("link", { name: "Changes and refusals" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("audit-row").filter({ hasText: ticket })).toHaveCount(1);
  await expect(page.getByTestId("audit-row").filter({ hasText: "Lookup" })).toHaveCount(0);

  // Lookups are one click away, and the view keeps the other filters.
  await views.getByRole("link", { name: "Lookups" }).click();
  await expect(page).toHaveURL(/action=lookup/);
  await expect(page.getByTestId("audit-row").first()).toContainText("Lookup");

  // Agent + lookups + serial: 55 rows → a full page of 50, then older ones.
  const filters = page.getByRole("search");
  await filters.getByLabel("Agent").selectOption({ label: `Alex Agent (${demoAccount("agent").email})` });
  await filters.getByLabel("Serial").fill(SEED_EXAMPLES.unassignedEnabled);
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=lookup.*agent=|agent=.*action=lookup/);
  await expect(page.getByTestId("audit-row")).toHaveCount(50);
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/cursor=/);
  expect(await page.getByTestId("audit-row").count()).toBeGreaterThanOrEqual(5);

  // Ticket filter (default view): the one change, with its outcome read as one event.
  await page.goto(`/audit?ticket=${ticket}`);
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Enable");
  await expect(rows.first()).toContainText("SID700");
  await expect(rows.first()).toContainText("Tom Becker");
  await expect(rows.first()).toContainText("Disabled → Enabled");
  await expect(rows.first()).toContainText("succeeded");

  // Details in words, under the row, full width; the raw record one click further.
  const detail = await openDetails(page, ticket);
  await expect(detail.getByText("Status: Disabled → Enabled")).toBeVisible();
  await expect(detail.getByText(ticket, { exact: true })).toBeVisible();
  await expect(detail.getByText(`Tom Becker (${SEED_EXAMPLES.userEmails.assignedDisabled})`)).toBeVisible();
  await expect(detail.getByText("Found", { exact: true })).toBeVisible();
  await expect(detail.getByText("HTTP 200")).toBeVisible();
  await expect(detail.getByText(/^\d+ ms$/)).toBeVisible();
  await expect(detail.getByTestId("raw-record")).toBeHidden();
  await detail.getByText("Raw record (JSON)").click();
  await expect(detail.getByTestId("raw-record")).toContainText('"tokenStatus": "Disabled"');

  // Export exactly what is filtered.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV" }).click();
  const download = await downloading;
  const csv = readFileSync((await download.path())!, "utf8");
  const lines = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toMatch(/^time_utc,event,agent_email/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(ticket);
  expect(lines[1]).toContain(serial);

  // The export itself is in the audit.
  await page.goto("/audit?action=export");
  await expect(page.getByTestId("audit-row").first()).toContainText("Exported CSV");
  await page.close();
});

test("the agent links say whose time they show, and keep the view", async ({ browser, page }) => {
  const ticket = `INC-LINKS-${Date.now()}`;
  await (await enableUnderTicket(browser, SEED_EXAMPLES.assignedDisabled, ticket)).close();
  await signIn(page, demoAccount("supervisor"));
  await page.goto("/audit?action=all");
  const row = page.getByTestId("audit-row").filter({ hasText: ticket });
  const week = row.getByRole("link", { name: "this agent's last 7 days", exact: true });
  await expect(week).toHaveText("this agent's last 7 days");
  await expect(row.getByRole("link", { name: "this agent today", exact: true })).toBeVisible();
  await week.click();
  await expect(page).toHaveURL(/agent=[0-9a-f-]{36}/);
  await expect(page).toHaveURL(/range=7d/);
  await expect(page).toHaveURL(/action=all/);
  await expect(page.getByRole("search").getByLabel("Agent")).toHaveValue(/[0-9a-f-]{36}/);
});

test("a change whose answer was lost reads unknown, never failed, and later applied with when it was confirmed", async ({
  browser,
  page,
}) => {
  const serial = SEED_EXAMPLES.assignedEnabledSpares[5]!;
  const ticket = `INC-UNKNOWN-${Date.now()}`;
  const agentPage = await browser.newPage();
  await signIn(agentPage, demoAccount("agent"));
  await agentPage.goto(`/tokens/${serial}?ticket=${ticket}`);
  await expect(agentPage.getByTestId("status-badge")).toHaveText(/Enabled/);
  // RSA applies the disable, then its answer never comes.
  await tenant.fault({ kind: "hang", phase: "after-apply", serial, operations: ["change"] });
  await agentPage.getByRole("button", { name: /Disable token/ }).click();
  const dialog = agentPage.getByRole("dialog");
  await dialog.getByLabel("Reason").selectOption("lost");
  await dialog.getByRole("button", { name: "Disable token" }).click();
  await expect(dialog.getByTestId("dialog-error")).toContainText("unknown", { timeout: 15_000 });
  await tenant.clearFaults();
  await agentPage.close();

  await signIn(page, demoAccount("supervisor"));
  await page.goto(`/audit?ticket=${ticket}`);
  const row = page.getByTestId("audit-row").filter({ hasText: ticket });
  await expect(row).toContainText("unknown — not yet confirmed");
  await expect(row).not.toContainText(/fail/i);

  // The reconciler (here one pass by hand, without its usual minute's wait) looks the token up again.
  const reconciled = execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/audit-reconcile.ts"], {
    encoding: "utf8",
    env: {
      ...process.env,
      ...E2E.commandEnv,
      // The e2e server's simulated tenant, through the key file `npm start` made for it.
      RSA_ADMIN_KEY_FILE: path.join(E2E.dataDir, "simulator", "legacy-admin-api.key"),
      AUDIT_RECONCILE_AFTER_SECONDS: "1",
    },
  });
  expect(reconciled).toContain("APPLIED");

  await page.reload();
  await expect(row).toContainText("applied (confirmed later)");
  await expect(row).toContainText("recorded as unknown — not yet confirmed");
  await expect(row).not.toContainText(/fail/i);
  const detail = await openDetails(page, ticket);
  await expect(detail.getByText("Recorded outcome")).toBeVisible();
  await expect(detail.getByText("Resolved later")).toBeVisible();
  await expect(detail.getByText(/by tokendesk reconciler|by command line/)).toBeVisible();
  await expect(detail.getByText("Status: Enabled → Disabled")).toBeVisible();
});

test("the chain status says when it was verified, what it covered and what was added since", async ({ page }) => {
  await signIn(page, demoAccount("supervisor"));
  await page.goto("/audit");
  const status = page.getByTestId("verification-status");
  await status.getByRole("button", { name: "Verify now" }).click();
  await expect(status.getByRole("status")).toContainText(/Verified just now: all [\d,]+ rows are intact\./, {
    timeout: 20_000,
  });
  await expect(status).toContainText("Chain intact");
  await expect(status).toContainText(/Verified .* by a supervisor's Verify now: all [\d,]+ rows, up to row [\d,]+\./);
  await expect(status.getByTestId("rows-since")).toHaveText("No rows have been added since.");

  // Reading the page is itself recorded (a lookup elsewhere, a sign-in): rows appear after the verification.
  await signIn(await page.context().browser()!.newPage(), demoAccount("agent"));
  await page.reload();
  await expect(status.getByTestId("rows-since")).toContainText(
    /[\d,]+ rows? ha(s|ve) been added since, not yet verified/,
  );
});

test("a row edited behind tokendesk's back turns the chain status red, naming the row and what is wrong", async ({
  browser,
}) => {
  // An instance of its own: the shared server's chain must stay intact for every other test.
  test.setTimeout(150_000);
  const pgPort = await freePort();
  const instance = await startOwnInstance({ env: { EMBEDDED_PG_PORT: String(pgPort) }, timeoutMs: 90_000 });
  try {
    const page = await browser.newPage({ baseURL: instance.url });
    await signIn(page, instance.demoAccount("supervisor"));
    // What someone with the database owner's password could do: switch the guard off and edit a row.
    const password = readFileSync(path.join(instance.dataDir, "pg-password"), "utf8").trim();
    const owner = new pg.Client({
      connectionString: `postgresql://tokendesk:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/tokendesk`,
    });
    await owner.connect();
    try {
      await owner.query("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete");
      await owner.query("UPDATE audit_events SET actor_email = 'someone.else@example.com' WHERE seq = 2");
    } finally {
      await owner.end();
    }

    await page.goto("/audit");
    const status = page.getByTestId("verification-status");
    await status.getByRole("button", { name: "Verify now" }).click();
    await expect(status.getByRole("status")).toContainText("the chain is broken at row 2", { timeout: 20_000 });
    const alarm = status.getByRole("alert");
    await expect(alarm).toContainText("The audit chain is BROKEN at row 2: a row was changed after it was written.");
    await expect(alarm).toContainText("Row 2 now reads:");
    await expect(status).not.toContainText("Chain intact");
    await page.close();
  } finally {
    await instance.stop();
  }
});

test("an agent is refused the audit page and the export URL", async ({ page }) => {
  await signIn(page, demoAccount("agent"));
  const response = await page.goto("/audit");
  expect(response?.status()).toBe(403);
  const exported = await page.request.get("/api/audit/export?format=csv");
  expect(exported.status()).toBe(403);
  expect(await exported.text()).not.toContain("time_utc");
});
