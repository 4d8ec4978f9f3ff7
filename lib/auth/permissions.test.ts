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
  it("follows same-site paths only", () => {
    expect(safeCallbackPath("/audit?serial=1")).toBe("/audit?serial=1");
    expect(safeCallbackPath("https://evil.example/")).toBe("/");
    expect(safeCallbackPath("//evil.example/x")).toBe("/");
    expect(safeCallbackPath("/signin")).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/");
  });
});
