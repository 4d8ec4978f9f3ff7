import { describe, expect, it } from "vitest";
import { can, parseRole, PERMISSIONS, ROLES } from "@/lib/auth/permissions";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

describe("permissions", () => {
  it("lets agents use the desk but not the audit history or administration", () => {
    expect(can("AGENT", "token:read")).toBe(true);
    expect(can("AGENT", "token:change")).toBe(true);
    expect(can("AGENT", "audit:read")).toBe(false);
    expect(can("AGENT", "admin:manage")).toBe(false);
  });

  it("lets supervisors read the audit but not administer; admins do everything", () => {
    expect(can("SUPERVISOR", "audit:read")).toBe(true);
    expect(can("SUPERVISOR", "admin:manage")).toBe(false);
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[])
      expect(can("ADMIN", permission)).toBe(true);
  });

  it("denies everything without a role", () => {
    expect(can(null, "token:read")).toBe(false);
    expect(can(undefined, "token:read")).toBe(false);
  });

  it("parses roles case-insensitively and rejects unknown ones", () => {
    expect(ROLES.map((r) => parseRole(r.toLowerCase()))).toEqual([...ROLES]);
    expect(parseRole("root")).toBeNull();
  });
});

describe("callback after sign-in", () => {
  const app = "https://tokendesk.example.com";

  it("follows same-site paths only", () => {
    expect(safeCallbackPath("/audit?serial=1", app)).toBe("/audit?serial=1");
    expect(safeCallbackPath(`${app}/tokens/000000200002?ticket=INC-1`, app)).toBe("/tokens/000000200002?ticket=INC-1");
    expect(safeCallbackPath("/signin", app)).toBe("/");
    expect(safeCallbackPath(undefined, app)).toBe("/");
  });

  // Every form a red team used to leave the site, plus their cousins.
  it.each([
    "https://evil.example/",
    "//evil.example/x",
    "/.//evil.example",
    "/..//evil.example",
    "/a/..//evil.example",
    "/./\\evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/%2e//evil.example",
    "https://tokendesk.example.com.evil.example/",
    "http://tokendesk.example.com/",
    "javascript:alert(1)",
    " //evil.example",
    "/\t/evil.example",
  ])("refuses %j", (value) => {
    const path = safeCallbackPath(value, app);
    expect(path).toBe("/");
    // Whatever comes back must stay on the app's origin when a browser resolves it.
    expect(new URL(path, app).origin).toBe(app);
  });
});
