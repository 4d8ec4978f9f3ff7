import { expect, test } from "@playwright/test";
import { SEED_EXAMPLES } from "../simulator/index";
import { apiSession } from "./support/api-session";
import { demoAccount, signIn } from "./support/fixtures";
import { ownerQuery } from "./support/tenant";

/**
 * Every page carries a nonce-based Content-Security-Policy (no inline script
 * without the nonce), refuses to be framed, turns off the browser features
 * the desk never uses, and sends HSTS only over https. The pages still work
 * under that policy: the browser reports no violation while they load.
 */

const PAGES = ["/signin", "/", `/tokens/${SEED_EXAMPLES.unassignedEnabled}`, "/audit", "/admin"];

test("every page has the security headers, a fresh nonce each time, and works under its policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  await signIn(page, demoAccount("admin"));
  const nonces = new Set<string>();
  for (const path of PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const headers = response!.headers();
    const csp = headers["content-security-policy"] ?? "";
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc, path).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scriptSrc, path).not.toContain("unsafe-inline");
    expect(scriptSrc, path).not.toContain("unsafe-eval");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["strict-transport-security"], `${path} over http`).toBeUndefined();
    nonces.add(scriptSrc);
    // The page's own scripts ran: it is interactive (the top bar's sign-out button is there).
    await expect(page.getByRole("button", { name: "Sign out" }), path).toBeVisible();
    if (path === "/signin") await page.goto("/");
  }
  expect(nonces.size, "a new nonce per response").toBe(PAGES.length);
  expect(violations).toEqual([]);
});

test("HSTS is sent when the request came over https", async ({ request }) => {
  const response = await request.get("/signin", { headers: { "X-Forwarded-Proto": "https" } });
  expect(response.headers()["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
});

test("the sign-in page works under the policy signed out, too", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/signin");
  expect(response?.headers()["content-security-policy"]).toContain("'nonce-");
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("status")).toHaveText("The email or password is not correct.");
  expect(violations).toEqual([]);
});

test("the server compresses with brotli when the browser accepts it", async ({ request }) => {
  const html = await (await request.get("/signin")).text();
  const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  const response = await request.get(script!, { headers: { "Accept-Encoding": "br, gzip" } });
  expect(response.headers()["content-encoding"]).toBe("br");
  const gzip = await request.get(script!, { headers: { "Accept-Encoding": "gzip" } });
  expect(gzip.headers()["content-encoding"]).toBe("gzip");
});

test("the audit records where a request really came from, not what X-Forwarded-For claims", async () => {
  const agent = await apiSession(demoAccount("agent"));
  const serial = SEED_EXAMPLES.assignedEnabledSpares[1];
  const response = await agent.get(`/api/tokens/${serial}`, { headers: { "X-Forwarded-For": "6.6.6.6" } });
  expect(response.status()).toBe(200);
  const [row] = await ownerQuery<{ client_ip: string }>(
    "SELECT client_ip FROM audit_events WHERE type = 'LOOKUP' AND serial = $1 ORDER BY seq DESC LIMIT 1",
    [serial],
  );
  expect(row?.client_ip).toMatch(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
  await agent.dispose();
});
