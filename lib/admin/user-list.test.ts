import { describe, expect, it } from "vitest";
import { applyView, DEFAULT_VIEW, isFiltered } from "@/lib/admin/user-list";
import type { AdminUserRow } from "@/lib/admin/types";

let n = 0;
const user = (name: string, extra: Partial<AdminUserRow> = {}): AdminUserRow => ({
  id: String(++n),
  email: `${name.toLowerCase().replace(/\s+/g, ".")}@example.com`,
  name,
  role: "AGENT",
  disabled: false,
  isDemo: false,
  lastSignInAt: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  ...extra,
});

const team = [
  user("Zoe Agent"),
  user("adam Agent", { lastSignInAt: "2026-03-01T10:00:00.000Z" }),
  user("Sam Supervisor", { role: "SUPERVISOR", lastSignInAt: "2026-02-01T10:00:00.000Z" }),
  user("Ada Admin", { role: "ADMIN", disabled: true }),
  user("Agent 10"),
  user("Agent 9"),
];

const names = (view: Partial<typeof DEFAULT_VIEW>) => applyView(team, { ...DEFAULT_VIEW, ...view }).map((u) => u.name);

describe("the user table's view", () => {
  it("sorts by name without regard to case, numbers in numeric order", () => {
    expect(names({})).toEqual(["Ada Admin", "adam Agent", "Agent 9", "Agent 10", "Sam Supervisor", "Zoe Agent"]);
    expect(names({ direction: "descending" })[0]).toBe("Zoe Agent");
  });

  it("sorts by role, status and last sign-in, ties by name", () => {
    expect(names({ sort: "role" }).slice(-2)).toEqual(["Sam Supervisor", "Ada Admin"]);
    expect(names({ sort: "status" }).at(-1)).toBe("Ada Admin");
    expect(names({ sort: "lastSignIn", direction: "descending" }).slice(0, 2)).toEqual([
      "adam Agent",
      "Sam Supervisor",
    ]);
  });

  it("searches name and e-mail by every word typed, and filters by role and status", () => {
    expect(names({ query: "agent 1" })).toEqual(["Agent 10"]);
    expect(names({ query: "SAM.SUP" })).toEqual(["Sam Supervisor"]);
    expect(names({ role: "ADMIN" })).toEqual(["Ada Admin"]);
    expect(names({ status: "disabled" })).toEqual(["Ada Admin"]);
    expect(names({ status: "active", role: "ADMIN" })).toEqual([]);
    expect(isFiltered(DEFAULT_VIEW)).toBe(false);
    expect(isFiltered({ ...DEFAULT_VIEW, query: "  " })).toBe(false);
    expect(isFiltered({ ...DEFAULT_VIEW, status: "active" })).toBe(true);
  });
});
