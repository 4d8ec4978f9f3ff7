import { expect, test } from "@playwright/test";
import { SEED_EXAMPLES as S } from "../simulator/index";
import { demoAccount, signIn } from "./support/fixtures";
import { tenant } from "./support/tenant";

/**
 * The traps a stressed agent could fall into, each closed: a ticket that
 * follows them to the next caller, an address that lies, a reload that loses a
 * half-filled change, a session that ends mid-dialog, focus that gets lost.
 */

const group = (serial: string) => serial.replace(/(\d{4})(?=\d)/g, "$1 ");

test.beforeEach(async ({ page }) => {
  await tenant.reset();
  await signIn(page, demoAccount("agent"));
});

test("a ticket typed for one caller never pre-fills the next caller's change, and the active one is in view", async ({
  page,
}) => {
  const first = S.assignedEnabledSpares[2]!;
  const second = S.assignedEnabledSpares[3]!;
  await page.keyboard.type(first);
  await page.keyboard.press("Enter");
  await page.keyboard.press("d"); // pressed before the answer is in: held, and opened when it arrives
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.type("INC-FIRST");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Lost");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("active-ticket")).toContainText("INC-FIRST");

  await page.keyboard.press("/");
  await page.keyboard.type(second);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("token-card").getByRole("heading", { name: group(second) })).toBeVisible();
  await expect(page.getByTestId("active-ticket")).toHaveCount(0);
  await page.keyboard.press("d");
  await expect(page.getByRole("dialog").getByLabel("Ticket reference")).toHaveValue("");
  await page.keyboard.press("Escape");

  // Back on the first token the ticket is not brought back either: it went with the screen.
  await page.goBack();
  await expect(page.getByTestId("token-card").getByRole("heading", { name: group(first) })).toBeVisible();
  await expect(page.getByTestId("active-ticket")).toHaveCount(0);
});

test("the active ticket can be cleared", async ({ page }) => {
  await page.goto(`/tokens/${S.assignedEnabledSpares[4]}?ticket=INC-LINKED`);
  await expect(page.getByTestId("active-ticket")).toContainText("INC-LINKED");
  await page.getByRole("button", { name: "Clear ticket" }).click();
  await expect(page.getByTestId("active-ticket")).toHaveCount(0);
  await page.getByRole("button", { name: /Disable token/ }).click();
  await expect(page.getByRole("dialog").getByLabel("Ticket reference")).toHaveValue("");
});

test("Back and Forward show what the address names", async ({ page }) => {
  const a = S.assignedEnabledSpares[5]!;
  await page.keyboard.type(a);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("token-card").getByRole("heading", { name: group(a) })).toBeVisible();
  await page.keyboard.press("/");
  await page.keyboard.type(S.users.janeDoe.email);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("user-card").getByRole("heading", { name: "Jane Doe" })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/tokens/${a}$`));
  await expect(page.getByTestId("token-card").getByRole("heading", { name: group(a) })).toBeVisible();
  await expect(page.getByLabel("Serial number, e-mail or name")).toHaveValue(a);
  await page.goForward();
  await expect(page.getByTestId("user-card").getByRole("heading", { name: "Jane Doe" })).toBeVisible();
});

test("closing the tab with a filled dialog asks first", async ({ page }) => {
  await page.keyboard.type(S.assignedEnabledSpares[6]!);
  await page.keyboard.press("Enter");
  await page.keyboard.press("d");
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.type("INC-HALF-DONE");
  const asked = page.waitForEvent("dialog");
  // Settles only when the page really closes (below); the prompt comes first.
  const closing = page.close({ runBeforeUnload: true }).catch(() => undefined);
  const prompt = await asked;
  expect(prompt.type()).toBe("beforeunload");
  await prompt.dismiss();
  // Staying: the dialog and what was typed are still there.
  await expect(page.getByRole("dialog").getByLabel("Ticket reference")).toHaveValue("INC-HALF-DONE");
  await page.close();
  await closing;
});

test("a session that ended while a dialog was open says nothing was changed, keeps what was typed, and comes back after sign-in", async ({
  page,
  browser,
}) => {
  const serial = S.assignedEnabledSpares[7]!;
  await page.keyboard.type(serial);
  await page.keyboard.press("Enter");
  await page.keyboard.press("d");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await page.keyboard.type("INC-SIGNED-OUT");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Lost");

  // Meanwhile the same agent signs out elsewhere: every session of theirs ends.
  const elsewhere = await browser.newPage();
  await signIn(elsewhere, demoAccount("agent"));
  await elsewhere.getByRole("button", { name: "Sign out" }).click();
  await expect(elsewhere).toHaveURL(/\/signin/);
  await elsewhere.close();

  // Coming back to the tab may refresh what is on screen: the dialog stays as it was.
  await page.bringToFront();
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expect(dialog.getByLabel("Ticket reference")).toHaveValue("INC-SIGNED-OUT");
  await dialog.getByLabel("Reason").focus();
  await page.keyboard.press("Enter");
  await expect(dialog.getByTestId("dialog-error")).toContainText("You were signed out — nothing was changed.");
  await dialog.getByRole("link", { name: "Sign in again" }).click();
  await page.getByLabel("Email").fill(demoAccount("agent").email);
  await page.getByLabel("Password").fill(demoAccount("agent").password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/tokens/${serial}\\?resume=disable$`));
  await expect(dialog.getByLabel("Ticket reference")).toHaveValue("INC-SIGNED-OUT");
  await expect(dialog.getByLabel("Reason")).toHaveValue("lost");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("confirmation")).toContainText(`Disabled ${group(serial)} · INC-SIGNED-OUT`);
});

test("focus returns to what opened the dialog", async ({ page }) => {
  await page.keyboard.type(S.assignedEnabledSpares[8]!);
  await page.keyboard.press("Enter");
  // Opened by its key from the search box: back to the search box.
  await page.keyboard.press("p");
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByLabel("Serial number, e-mail or name")).toBeFocused();
  // Opened by its button: back to the button.
  const button = page.getByRole("button", { name: /Rename token/ });
  await button.click();
  await page.keyboard.press("Escape");
  await expect(button).toBeFocused();
});

test("a refresh that fails under an open dialog keeps the card and the dialog, and says so", async ({ page }) => {
  const serial = S.assignedEnabledSpares[9]!;
  await page.keyboard.type(serial);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("token-card")).toBeVisible();
  await page.keyboard.press("d");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await page.keyboard.type("INC-BUSY");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Lost");

  // RSA turns the change away, and the refresh that follows a refusal fails too.
  await tenant.fault({ kind: "rate-limit", retryAfterSeconds: 30, operations: ["lookup", "change"] });
  await page.keyboard.press("Enter");
  await expect(dialog.getByTestId("dialog-error")).toContainText("RSA is receiving too many requests");
  await expect(page.getByTestId("refresh-problem")).toContainText("What is shown may be out of date.");
  await expect(page.getByTestId("token-card")).toBeVisible();
  await expect(dialog.getByLabel("Ticket reference")).toHaveValue("INC-BUSY");
  await tenant.clearFaults();
});

test("a tab whose session has ended stops asking for RSA's status (each refused ask is an audit row)", async ({
  page,
  browser,
}) => {
  await page.clock.install();
  await page.goto("/");
  const asks: number[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname === "/api/rsa/status") asks.push(response.status());
  });
  await page.clock.runFor(16_000);
  await expect.poll(() => asks).toEqual([200]);

  const elsewhere = await browser.newPage();
  await signIn(elsewhere, demoAccount("agent"));
  await elsewhere.getByRole("button", { name: "Sign out" }).click();
  await expect(elsewhere).toHaveURL(/\/signin/);
  await elsewhere.close();

  await page.clock.runFor(16_000);
  await expect.poll(() => asks).toEqual([200, 401]);
  await page.clock.runFor(5 * 60_000);
  await page.waitForTimeout(1_000);
  expect(asks).toEqual([200, 401]);
});
