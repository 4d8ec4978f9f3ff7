import { expect, test, type Page } from "@playwright/test";
import { SEED_EXAMPLES } from "../simulator/index";
import { demoAccount, signIn } from "./support/fixtures";
import { auditRows, tenant } from "./support/tenant";

const group = (serial: string) => serial.replace(/(\d{4})(?=\d)/g, "$1 ");

test.beforeEach(async ({ page }) => {
  await tenant.reset();
  await signIn(page, demoAccount("agent"));
});

async function search(page: Page, text: string) {
  const box = page.getByLabel("Serial number, e-mail or name");
  await box.fill(text);
  await box.press("Enter");
}

test("the search box is focused on arrival and a SID700 serial read aloud with spaces is found, verdict first", async ({
  page,
}) => {
  await expect(page.getByLabel("Serial number, e-mail or name")).toBeFocused();
  await search(page, group(SEED_EXAMPLES.unassignedEnabled));
  const card = page.getByTestId("token-card");
  await expect(card.getByRole("heading", { name: group(SEED_EXAMPLES.unassignedEnabled) })).toBeVisible();
  await expect(card.getByTestId("verdict")).toContainText("Not assigned to anyone.");
  await expect(card.getByTestId("status-badge")).toHaveText(/Enabled/);
  await expect(card.getByTestId("state-badge")).toHaveText("Unassigned");
  await expect(card.getByRole("button", { name: /Assign a token/ })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/tokens/${SEED_EXAMPLES.unassignedEnabled}$`));
  // The screen reader hears the verdict; the lookup itself is in the audit and in the panel's history.
  await expect(page.getByTestId("announcement")).toHaveText(/Not assigned to anyone\./);
  await expect(page.getByTestId("history").getByText("Looked up (found)").first()).toBeVisible();
});

test("an expired token says so first and never shows a green Enabled", async ({ page }) => {
  await search(page, SEED_EXAMPLES.expired);
  await expect(page.getByTestId("verdict")).toContainText(/Expired \d+ days ago — needs a replacement\./);
  await expect(page.getByTestId("verdict")).toHaveAttribute("data-tone", "problem");
  await expect(page.getByTestId("status-badge")).not.toHaveClass(/bg-green/);
});

test("a DS100 device shows the device and its credential", async ({ page }) => {
  await search(page, SEED_EXAMPLES.ds100Device);
  const card = page.getByTestId("token-card");
  await expect(card.getByText("DS100 authenticator (device)")).toBeVisible();
  await expect(card.getByRole("heading", { name: `Credential ${group(SEED_EXAMPLES.ds100Credential)}` })).toBeVisible();
});

test("not found says so with the serial echoed back", async ({ page }) => {
  await search(page, "999999999999");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByText("9999 9999 9999", { exact: true })).toBeVisible();
  await expect(page.getByTestId("announcement")).toHaveText("No token with serial 9999 9999 9999.");
});

test("invalid input gets an inline message, no lookup, and clears the answer under it", async ({ page }) => {
  await search(page, SEED_EXAMPLES.assignedEnabledActivated);
  await expect(page.getByTestId("token-card")).toBeVisible();
  let lookups = 0;
  page.on("request", (r) => (r.url().includes("/api/tokens/") || r.url().includes("/api/people")) && lookups++);
  await search(page, "123");
  await expect(page.locator("#desk-search-error")).toHaveText(/123 is too short/);
  await expect(page.getByTestId("token-card")).toHaveCount(0);
  await expect(page.getByTestId("announcement")).toHaveText(/123 is too short/);
  await search(page, "j");
  await expect(page.locator("#desk-search-error")).toHaveText(/Type at least two letters/);
  expect(lookups).toBe(0);
});

test("keyboard only: disable → enable → unassign a seeded token, every step in the audit", async ({ page }) => {
  const serial = SEED_EXAMPLES.assignedEnabledSpares[6]!;
  await page.keyboard.type(serial);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("status-badge")).toHaveText(/Enabled/);

  // The action keys work straight from the search box holding the serial just looked up.
  for (const step of [
    { key: "d", reason: "Lost", after: /Disabled/, done: "Disabled" },
    { key: "e", reason: "Found", after: /Enabled/, done: "Enabled" },
  ]) {
    await page.keyboard.press(step.key);
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByLabel("Ticket reference")).toBeFocused();
    await page.keyboard.type("INC-4242");
    await page.keyboard.press("Tab");
    await page.keyboard.type(step.reason); // type-ahead in the reason list
    await page.keyboard.press("Enter"); // Enter submits from the reason list once the form is complete
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("status-badge")).toHaveText(step.after);
    await expect(page.getByTestId("confirmation")).toContainText(`${step.done} ${group(serial)} · INC-4242 · just now`);
  }

  await page.keyboard.press("u");
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Ticket reference")).toHaveValue("INC-4242");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Left");
  await page.keyboard.press("Enter"); // the four digits are still missing: Enter goes there instead of submitting
  await expect(dialog.getByLabel(/last four digits/)).toBeFocused();
  await page.keyboard.type(serial.slice(-4));
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("state-badge")).toHaveText("Unassigned");
  await expect(page.getByTestId("confirmation")).toContainText(`Unassigned ${group(serial)}`);
  await expect(page.getByTestId("history").getByText("Unassign (succeeded)")).toBeVisible();

  const rows = (await auditRows(serial)).filter((r) => r.type.startsWith("CHANGE_"));
  expect(rows.map((r) => `${r.type}:${r.action}:${r.outcome ?? ""}`)).toEqual([
    "CHANGE_INTENT:DISABLE:",
    "CHANGE_OUTCOME:DISABLE:SUCCESS",
    "CHANGE_INTENT:ENABLE:",
    "CHANGE_OUTCOME:ENABLE:SUCCESS",
    "CHANGE_INTENT:UNASSIGN:",
    "CHANGE_OUTCOME:UNASSIGN:SUCCESS",
  ]);
  expect(rows.every((r) => r.ticket === "INC-4242" && r.actor_email === demoAccount("agent").email)).toBe(true);
});

const FAILURES = [
  {
    fault: { kind: "rate-limit", retryAfterSeconds: 20 },
    text: /too many requests\. Nothing was changed\. Try again in 20 seconds/,
  },
  { fault: { kind: "server-error" }, text: /RSA is not available right now/ },
  { fault: { kind: "gateway-html", status: 503 }, text: /RSA is not available right now/ },
  { fault: { kind: "hang" }, text: /did not answer in time\. It is unknown whether the change was made/ },
  {
    fault: { kind: "credential-rejected" },
    text: /RSA rejected tokendesk's credentials\. Nothing was changed\. Tell your administrator/,
  },
];

for (const { fault, text } of FAILURES) {
  test(`RSA failure (${fault.kind}) is explained in the dialog, which stays open`, async ({ page }) => {
    const serial = SEED_EXAMPLES.assignedEnabledSpares[7]!;
    await search(page, serial);
    await expect(page.getByTestId("status-badge")).toHaveText(/Enabled/);
    await tenant.fault({ ...fault, serial, operations: ["change"] });
    await page.getByRole("button", { name: /Disable token/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Ticket reference").fill("INC-9");
    await dialog.getByLabel("Reason").selectOption("user-request");
    await dialog.getByRole("button", { name: "Disable token" }).click();
    await expect(dialog.getByTestId("dialog-error")).toContainText(text, { timeout: 15_000 });
    await expect(dialog.getByTestId("dialog-error")).toContainText("Reference:");
    await expect(dialog).toBeVisible();
    await tenant.clearFaults();
  });
}

// RSA itself refuses: the token changes after tokendesk's re-read but before RSA
// handles the change (held back by a little latency), so only RSA can notice.
const RSA_REFUSALS = [
  {
    status: 409,
    serial: SEED_EXAMPLES.assignedEnabledSpares[4]!,
    arrange: { tokenState: "Unassigned" },
    text: /RSA refused because the token is not (assigned to anyone|in a state that allows this)/,
  },
  {
    status: 404,
    serial: SEED_EXAMPLES.assignedEnabledSpares[5]!,
    arrange: { userId: SEED_EXAMPLES.userIds.assignedDisabled },
    text: /RSA no longer knows this token or its owner/,
  },
];

for (const { status, serial, arrange, text } of RSA_REFUSALS) {
  test(`RSA answering the change with ${status} is explained in the dialog and audited`, async ({ page }) => {
    const intents = async () => (await auditRows(serial)).filter((r) => r.type === "CHANGE_INTENT").length;
    const intentsBefore = await intents();
    await search(page, serial);
    await tenant.fault({ kind: "latency", latencyMs: 1200, serial, operations: ["change"] });
    await page.getByRole("button", { name: /Disable token/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Ticket reference").fill("INC-10");
    await dialog.getByLabel("Reason").selectOption("lost");
    await dialog.getByRole("button", { name: "Disable token" }).click();
    // The INTENT is written before RSA is called: once it is there, the request is on its way.
    await expect.poll(intents, { intervals: [50] }).toBe(intentsBefore + 1);
    await tenant.arrange(serial, arrange);
    await expect(dialog.getByTestId("dialog-error")).toContainText(text);
    await expect(dialog).toBeVisible();
    const outcome = (await auditRows(serial)).findLast((r) => r.type === "CHANGE_OUTCOME");
    expect(outcome).toMatchObject({ outcome: "FAILURE", error_code: status === 409 ? "CONFLICT" : "NOT_FOUND" });
    await tenant.clearFaults();
  });
}

test("a token changed by someone else between view and confirm is not acted on", async ({ page }) => {
  const serial = SEED_EXAMPLES.assignedEnabledSpares[8]!;
  await search(page, serial);
  await expect(page.getByTestId("status-badge")).toHaveText(/Enabled/);
  await tenant.arrange(serial, { tokenStatus: "Disabled" });
  await page.getByRole("button", { name: /Disable token/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Ticket reference").fill("INC-10");
  await dialog.getByLabel("Reason").selectOption("lost");
  await dialog.getByRole("button", { name: "Disable token" }).click();
  await expect(dialog.getByTestId("dialog-error")).toContainText("This token changed since you opened it");
  // It says what the token is now and offers only what still makes sense (never "Disabled → Disabled").
  await expect(dialog.getByTestId("state-now")).toContainText("The token is now Disabled and Activated.");
  await expect(dialog.getByTestId("state-now").getByRole("button", { name: "Enable token" })).toBeVisible();
  await expect(dialog.getByTestId("state-now").getByRole("button", { name: "Disable token" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("status-badge")).toHaveText(/Disabled/);
  const rows = await auditRows(serial);
  expect(rows.filter((r) => r.type === "CHANGE_INTENT")).toHaveLength(0);
  expect(rows.filter((r) => r.type === "CHANGE_REFUSED").map((r) => r.error_code)).toEqual(["STATE_CHANGED"]);
});

test("a deep link with ?ticket= opens the token and pre-fills the ticket", async ({ page }) => {
  const serial = SEED_EXAMPLES.assignedEnabledSpares[9]!;
  await page.goto(`/tokens/${serial}?ticket=INC-777`);
  await expect(page.getByTestId("status-badge")).toHaveText(/Enabled/);
  await page.getByRole("button", { name: /Disable token/ }).click();
  await expect(page.getByRole("dialog").getByLabel("Ticket reference")).toHaveValue("INC-777");
});
