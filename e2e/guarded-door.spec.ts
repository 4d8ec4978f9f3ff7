import { readFileSync } from "node:fs";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { PERMISSIONS, type Permission, type Role } from "../lib/auth/permissions";
import { SEED_EXAMPLES } from "../simulator/index";
import { apiSession } from "./support/api-session";
import { BUILD_DIR, E2E } from "./support/environment";
import { demoAccount } from "./support/fixtures";
import { ownerQuery, tenant } from "./support/tenant";

/**
 * Every route, page and server action the production build contains is called
 * signed out and in each role that may not use it: each is refused, nothing
 * reaches RSA, and an ACCESS_DENIED row names who asked. A new route or action
 * that is missing from the tables below fails this test until someone says
 * which permission guards it.
 */

const ROUTE_PERMISSIONS: Record<string, Permission | "public"> = {
  "/": "token:read",
  "/tokens/[serial]": "token:read",
  "/users/[email]": "token:read",
  "/people": "token:read",
  "/audit": "audit:read",
  "/admin": "admin:manage",
  "/api/tokens/[serial]": "token:read",
  "/api/tokens/[serial]/history": "token:read",
  "/api/users/[email]": "token:read",
  "/api/users/[email]/verification": "token:change",
  "/api/people": "token:read",
  "/api/audit/export": "audit:read",
  "/api/admin/rsa-check": "admin:manage",
  "/api/admin/audit-checkpoint": "admin:manage",
  "/api/rsa/status": "token:read",
  "/api/health": "public",
  "/api/ready": "public",
  "/api/auth/[...nextauth]": "public",
  "/signin": "public",
  "/icon.svg": "public",
  "/unavailable": "public",
  "/_not-found": "public",
  "/_global-error": "public",
};

const ACTION_PERMISSIONS: Record<string, Permission> = {
  changeTokenAction: "token:change",
  clearPinAction: "token:change",
  assignTokenAction: "token:change",
  renameTokenAction: "token:change",
  issueEmergencyCodeAction: "token:change",
  cancelEmergencyCodeAction: "token:change",
  callerVerificationAction: "token:change",
  verifyAuditChainAction: "audit:read",
  addUserAction: "admin:manage",
  changeUserRoleAction: "admin:manage",
  disableUserAction: "admin:manage",
  enableUserAction: "admin:manage",
  resetUserPasswordAction: "admin:manage",
  endUserSessionsAction: "admin:manage",
  verifyAuditTrailAction: "admin:manage",
};

const SERIAL = SEED_EXAMPLES.assignedEnabledSpares[0];
const EMAIL = encodeURIComponent(SEED_EXAMPLES.users.janeDoe.email);
const fill = (route: string) => route.replace("[serial]", SERIAL!).replace("[email]", EMAIL);

function buildRoutes(): { route: string; url: string; api: boolean }[] {
  const manifest = JSON.parse(readFileSync(`${BUILD_DIR}/server/app-paths-manifest.json`, "utf8")) as Record<
    string,
    string
  >;
  return Object.keys(manifest).map((key) => {
    const route = key.replace(/\/\([^)]+\)/g, "").replace(/\/(page|route)$/, "") || "/";
    return { route, url: fill(route), api: route.startsWith("/api/") };
  });
}

function buildActions(): { name: string; id: string; page: string }[] {
  const manifest = JSON.parse(readFileSync(`${BUILD_DIR}/server/server-reference-manifest.json`, "utf8")) as {
    node: Record<string, { exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0]!;
    const page = worker
      .replace(/^app/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\/page$/, "");
    return { name: entry.exportedName, id, page: fill(page) || "/" };
  });
}

const ROLES: Role[] = ["AGENT", "SUPERVISOR", "ADMIN"];
const refusedRoles = (permission: Permission) =>
  ROLES.filter((r) => !(PERMISSIONS[permission] as readonly Role[]).includes(r));
const emailOf = (role: Role) => demoAccount(role.toLowerCase() as "agent" | "supervisor" | "admin").email;

/**
 * The denial rows one request wrote, found by the request id it sent: the
 * server is shared, so a stray request from elsewhere (a closing page's poll)
 * must not be counted as this one's.
 */
async function denialsOf(requestId: string) {
  return ownerQuery<{ actor_email: string | null; action: string; error_code: string }>(
    "SELECT actor_email, action, error_code FROM audit_events WHERE type = 'ACCESS_DENIED' AND request_id = $1 ORDER BY seq",
    [requestId],
  );
}
let requests = 0;
const nextRequestId = () => `guarded-door-${process.pid}-${++requests}`;
async function head(): Promise<string> {
  const [row] = await ownerQuery<{ seq: string }>("SELECT coalesce(max(seq), 0)::text AS seq FROM audit_events");
  return row!.seq;
}
async function rsaBoundActivity(since: string): Promise<number> {
  const [row] = await ownerQuery<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_events WHERE seq > $1 AND type IN ('LOOKUP', 'CHANGE_INTENT', 'EXPORT')",
    [since],
  );
  return row!.n;
}

test.describe.configure({ timeout: 120_000 });

test("every route in the build is guarded: refused signed out and in each role without the permission, audited, nothing sent to RSA", async () => {
  const routes = buildRoutes();
  expect(routes.length).toBeGreaterThan(5);
  for (const { route } of routes) expect(Object.keys(ROUTE_PERMISSIONS), `a permission for ${route}`).toContain(route);

  const sessions = new Map<Role, APIRequestContext>();
  for (const role of ROLES) sessions.set(role, await apiSession(demoAccount(role.toLowerCase() as "agent")));
  // A cookie that passes the early redirect but belongs to no session: the page itself must refuse.
  const stranger = await playwrightRequest.newContext({
    baseURL: E2E.baseUrl,
    extraHTTPHeaders: { Cookie: "next-auth.session-token=not-a-session" },
  });

  for (const { route, url, api } of routes) {
    const permission = ROUTE_PERMISSIONS[route]!;
    if (permission === "public") continue;
    const callers: { who: Role | "signed out"; client: APIRequestContext }[] = [
      { who: "signed out", client: stranger },
      ...refusedRoles(permission).map((role) => ({ who: role, client: sessions.get(role)! })),
    ];
    for (const { who, client } of callers) {
      const since = await head();
      const rsaBefore = await tenant.requests();
      const requestId = nextRequestId();
      const response = await client.get(url, { maxRedirects: 0, headers: { "X-Request-Id": requestId } });
      const label = `${who} → ${url}`;
      if (who === "signed out") {
        if (api) {
          expect(response.status(), label).toBe(401);
          expect((await response.json()).code, label).toBe("UNAUTHENTICATED");
        } else {
          expect([302, 303, 307], label).toContain(response.status());
          expect(response.headers().location, label).toMatch(/\/signin\?callbackUrl=/);
        }
      } else {
        expect(response.status(), label).toBe(403);
      }
      expect(await tenant.requests(), `${label}: nothing sent to RSA`).toBe(rsaBefore);
      expect(await rsaBoundActivity(since), `${label}: no lookup or export recorded`).toBe(0);
      const denials = await denialsOf(requestId);
      expect(denials, `${label}: one denial row`).toHaveLength(1);
      expect(denials[0]).toMatchObject({
        actor_email: who === "signed out" ? null : emailOf(who),
        error_code: who === "signed out" ? "UNAUTHENTICATED" : "FORBIDDEN",
      });
    }
  }
  for (const client of [...sessions.values(), stranger]) await client.dispose();
});

test("every server action in the build is guarded the same way", async () => {
  const actions = buildActions();
  expect(actions.length).toBeGreaterThanOrEqual(2);
  for (const { name } of actions) expect(Object.keys(ACTION_PERMISSIONS), `a permission for ${name}`).toContain(name);

  const anonymous = await playwrightRequest.newContext({ baseURL: E2E.baseUrl });
  const sessions = new Map<Role, APIRequestContext>();
  for (const role of ROLES) sessions.set(role, await apiSession(demoAccount(role.toLowerCase() as "agent")));
  const change = { serial: SERIAL, tokenType: "SID700", action: "disable", ticket: "INC-1", reason: "lost" };

  for (const { name, id, page } of actions) {
    const permission = ACTION_PERMISSIONS[name]!;
    const callers: { who: Role | "signed out"; client: APIRequestContext }[] = [
      { who: "signed out", client: anonymous },
      ...refusedRoles(permission).map((role) => ({ who: role, client: sessions.get(role)! })),
    ];
    for (const { who, client } of callers) {
      const rsaBefore = await tenant.requests();
      const requestId = nextRequestId();
      const response = await client.post(page, {
        headers: {
          "Next-Action": id,
          "Content-Type": "text/plain;charset=UTF-8",
          Origin: E2E.baseUrl,
          "X-Request-Id": requestId,
        },
        data: JSON.stringify([change]),
        maxRedirects: 0,
      });
      const label = `${who} → ${name}`;
      expect(response.status(), label).toBeLessThan(500);
      const body = await response.text();
      if (name !== "verifyAuditChainAction")
        expect(body, label).toContain(who === "signed out" ? '"UNAUTHENTICATED"' : '"FORBIDDEN"');
      expect(await tenant.requests(), `${label}: nothing sent to RSA`).toBe(rsaBefore);
      const denials = await denialsOf(requestId);
      expect(denials, `${label}: one denial row`).toHaveLength(1);
      expect(denials[0]).toMatchObject({ actor_email: who === "signed out" ? null : emailOf(who) });
    }
  }
  for (const client of [...sessions.values(), anonymous]) await client.dispose();
});
