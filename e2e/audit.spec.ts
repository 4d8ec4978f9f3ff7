import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { SEED_EXAMPLES } from "../simulator/index";
import { demoAccount, signIn } from "./support/fixtures";

test("a supervisor filters by agent, serial and ticket, pages through, opens a row and exports the filtered CSV", async ({
  browser,
}) => {
  // An agent makes 55 lookups (through the same route the desk uses) and one change with a ticket.
  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await signIn(agentPage, demoAccount("agent"));
  for (let i = 0; i < 55; i++) {
    const response = await agentPage.request.get(`/api/tokens/${SEED_EXAMPLES.unassignedEnabled}`);
    expect(response.ok()).toBe(true);
  }
  const serial = SEED_EXAMPLES.assignedDisabled;
  const ticket = `INC-AUDIT-${Date.now()}`;
  await agentPage.goto(`/tokens/${serial}?ticket=${ticket}`);
  await agentPage.getByRole("button", { name: /Enable token/ }).click();
  await agentPage.getByRole("dialog").getByLabel("Reason").selectOption("found");
  await agentPage.getByRole("dialog").getByRole("button", { name: "Enable token" }).click();
  await expect(agentPage.getByTestId("status-badge")).toHaveText(/Enabled/);
  await agentContext.close();

  const page = await browser.newPage();
  await signIn(page, demoAccount("supervisor"));
  await page.getByRole("link", { name: "Audit history" }).click();
  await expect(page.getByTestId("verification-status")).toBeVisible();

  // Agent + lookups: 55+ rows → a full page of 50, then older ones.
  await page.getByLabel("Agent").selectOption({ label: `Alex Agent (${demoAccount("agent").email})` });
  await page.getByLabel("Action").selectOption("lookup");
  await page.getByLabel("Serial").fill(SEED_EXAMPLES.unassignedEnabled);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/agent=.*action=lookup/);
  await expect(page.getByTestId("audit-row")).toHaveCount(50);
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/cursor=/);
  const older = await page.getByTestId("audit-row").count();
  expect(older).toBeGreaterThanOrEqual(5);

  // Ticket filter: the one change, with its outcome read as one event.
  await page.goto(`/audit?ticket=${ticket}`);
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Change · enable");
  await expect(rows.first()).toContainText("succeeded");
  await rows.first().locator("summary", { hasText: "Details" }).click();
  await expect(rows.first().getByText("State before")).toBeVisible();
  await expect(rows.first().getByText(/"tokenStatus":"Disabled"/)).toBeVisible();

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
  await expect(page.getByTestId("audit-row").first()).toContainText("Export");
  await page.close();
});

test("an agent is refused the audit page and the export URL", async ({ page }) => {
  await signIn(page, demoAccount("agent"));
  const response = await page.goto("/audit");
  expect(response?.status()).toBe(403);
  const exported = await page.request.get("/api/audit/export?format=csv");
  expect(exported.status()).toBe(403);
  expect(await exported.text()).not.toContain("time_utc");
});
