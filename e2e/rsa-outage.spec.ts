import { expect, test } from "@playwright/test";
import { SEED_EXAMPLES } from "../simulator/index";
import { demoAccount, signIn } from "./support/fixtures";
import { tenant } from "./support/tenant";

/**
 * When RSA stops answering, agents stop waiting: after a few failed calls
 * (RSA_BREAKER_FAILURES, 4 in these tests) every desk shows an outage banner
 * and searches fail at once; a background probe (every 2 s here) notices RSA
 * is back and the banner goes by itself.
 */
test("the outage banner appears after repeated failures to reach RSA, searches fail fast, and it clears when RSA answers", async ({
  page,
}) => {
  await tenant.reset();
  await signIn(page, demoAccount("agent"));
  const banner = page.getByTestId("rsa-status");
  await expect(banner).toHaveText("");

  await tenant.fault({ kind: "gateway-html", status: 502, operations: ["lookup"] });
  const box = page.getByLabel("Serial number");
  for (const serial of SEED_EXAMPLES.assignedEnabledSpares.slice(0, 4)) {
    await box.fill(serial);
    await box.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/tokens/${serial}$`));
    await expect(page.getByTestId("lookup-problem")).toBeVisible({ timeout: 15_000 });
  }
  await expect(banner).toContainText("RSA has not answered since", { timeout: 10_000 });
  await expect(banner).toContainText("tokendesk is retrying in the background");

  // While the circuit is open a search answers at once, saying why, without waiting for RSA.
  const started = Date.now();
  await box.fill(SEED_EXAMPLES.assignedEnabledSpares[5]!);
  await box.press("Enter");
  await expect(page.getByTestId("lookup-problem")).toContainText("RSA has not answered since");
  expect(Date.now() - started).toBeLessThan(2_000);

  await tenant.clearFaults();
  await expect(banner).toHaveText("", { timeout: 15_000 });
  await box.fill(SEED_EXAMPLES.assignedEnabledSpares[6]!);
  await box.press("Enter");
  await expect(page.getByTestId("status-badge")).toHaveText(/Enabled/);
});
