import fc from "fast-check";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { parseSerialQuery } from "../lib/tokens/serial";
import { apiSession } from "./support/api-session";
import { BUILD_DIR, E2E } from "./support/environment";
import { demoAccount } from "./support/fixtures";
import { tenant } from "./support/tenant";

/**
 * Whatever arrives — a path segment with stray percent signs, a filter of
 * unicode junk, a server action body that is not JSON, a huge body — the
 * answer is never a 500, and input that is not a serial never reaches RSA.
 * Property-based: fast-check generates the inputs (and shrinks a failure to
 * its smallest form).
 */

test.describe.configure({ timeout: 180_000 });

let supervisor: APIRequestContext;
test.beforeAll(async () => {
  supervisor = await apiSession(demoAccount("supervisor"));
});
test.afterAll(async () => supervisor.dispose());

// Strings that break naive decoders: percent signs, broken escapes, slashes, unicode, control characters.
const hostile = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    "%",
    "%25",
    "%ff",
    "%E0%A4%A",
    "..",
    "../..",
    "%2e%2e",
    "\u0000",
    "0000%200020",
    "<script>",
    "' OR 1=1 --",
  ),
  fc.stringMatching(/^[0-9%a-f ]{1,40}$/),
);

// Encode what a URL cannot carry raw, but leave "%" sequences as they are (so "%ff" stays a broken escape).
const segment = (value: string) =>
  Array.from(value)
    .map((c) => {
      if (/^[A-Za-z0-9%._~-]$/.test(c)) return c;
      try {
        return encodeURIComponent(c);
      } catch {
        return "%EF%BF%BD"; // a lone surrogate: send the replacement character
      }
    })
    .join("");

test("token routes: never a 500, and RSA is asked only about something that is a serial", async () => {
  await fc.assert(
    fc.asyncProperty(hostile, async (raw) => {
      const before = await tenant.requests();
      for (const path of [
        `/api/tokens/${segment(raw)}`,
        `/api/tokens/${segment(raw)}/history`,
        `/tokens/${segment(raw)}`,
      ]) {
        const response = await supervisor.get(path, { maxRedirects: 0 });
        expect(response.status(), path).toBeLessThan(500);
      }
      let decoded: string | null;
      try {
        decoded = decodeURIComponent(segment(raw));
      } catch {
        decoded = null;
      }
      if (decoded === null || !parseSerialQuery(decoded).ok) expect(await tenant.requests(), raw).toBe(before);
    }),
    { numRuns: 60 },
  );
});

test("audit history and export filters: never a 500", async () => {
  const filterNames = [
    "range",
    "from",
    "to",
    "agent",
    "action",
    "outcome",
    "serial",
    "ticket",
    "rsaUser",
    "cursor",
    "format",
  ];
  await fc.assert(
    fc.asyncProperty(fc.dictionary(fc.constantFrom(...filterNames), hostile, { maxKeys: 5 }), async (filters) => {
      const query = new URLSearchParams(filters).toString();
      for (const path of [`/audit?${query}`, `/api/audit/export?${query}`]) {
        const response = await supervisor.get(path, { maxRedirects: 0 });
        expect(response.status(), path).toBeLessThan(500);
        if (path.startsWith("/api")) await response.body(); // drain the stream
      }
    }),
    { numRuns: 40 },
  );
});

test("server actions: broken, odd and oversized bodies never give a 500 and change nothing", async () => {
  const agent = await apiSession(demoAccount("agent"));
  const [actionId] = Object.entries(
    JSON.parse((await import("node:fs")).readFileSync(`${BUILD_DIR}/server/server-reference-manifest.json`, "utf8"))
      .node as Record<string, { exportedName: string }>,
  ).find(([, entry]) => entry.exportedName === "changeTokenAction")!;
  const before = await tenant.requests();
  const bodies = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.json().map((j) => `[${j}]`),
    fc.anything().map((a) => JSON.stringify([a]) ?? "[]"),
    fc
      .record({ serial: hostile, tokenType: hostile, action: hostile, ticket: hostile, reason: hostile })
      .map((r) => JSON.stringify([r])),
  );
  await fc.assert(
    fc.asyncProperty(bodies, async (body) => {
      const response = await agent.post("/", {
        headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Origin: E2E.baseUrl },
        data: body,
      });
      expect(response.status(), body).toBeLessThan(500);
    }),
    { numRuns: 60 },
  );
  expect(await tenant.requests(), "no change was sent to RSA").toBe(before);

  const huge = await agent.post("/", {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Origin: E2E.baseUrl },
    data: JSON.stringify([{ note: "x".repeat(200_000) }]),
  });
  expect(huge.status()).toBe(413);
  const brokenForm = await agent.post("/", {
    headers: { "Next-Action": actionId, "Content-Type": "multipart/form-data; boundary=x", Origin: E2E.baseUrl },
    data: '--x\r\nContent-Disposition: form-data; name="1"\r\n\r\nbroken',
  });
  expect(brokenForm.status()).toBeLessThan(500);
  expect(await huge.json()).toMatchObject({
    code: "PAYLOAD_TOO_LARGE",
    message: "The request was too large, so nothing was done.",
  });
  await agent.dispose();
});

test("the sign-in endpoint answers a broken body with a 400 and a sentence, not a 500", async () => {
  const client = await playwrightRequest.newContext({ baseURL: E2E.baseUrl });
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (const [contentType, data] of [
    ["application/json", "{not json"],
    ["application/x-www-form-urlencoded", "%%%=%"],
    ["multipart/form-data; boundary=x", "--x\r\nbroken"],
    ["application/json", JSON.stringify({ csrfToken, email: ["a"], password: { b: 1 } })],
  ]) {
    const response = await client.post("/api/auth/callback/credentials", {
      headers: { "Content-Type": contentType! },
      data: data!,
      maxRedirects: 0,
    });
    expect(response.status(), `${contentType}: ${data}`).toBeLessThan(500);
  }
  await client.dispose();
});
