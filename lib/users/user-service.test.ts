import { describe, expect, it } from "vitest";
import { addUser, listUsers, setRole, UserError } from "@/lib/users/user-service";

describe("user management", () => {
  it("creates a user with a generated password of at least 12 characters", async () => {
    const result = await addUser({ email: "New.Person@Example.com", name: "New Person", role: "Supervisor" });
    expect(result.generated).toBe(true);
    expect(result.password.length).toBeGreaterThanOrEqual(12);
    expect(result.user).toMatchObject({ email: "new.person@example.com", role: "SUPERVISOR", disabled: false });
    expect((await listUsers()).map((u) => u.email)).toContain("new.person@example.com");
  });

  it("rejects a duplicate email (case-insensitive), unknown role and weak password with clear messages", async () => {
    await addUser({ email: "dup@example.com", name: "Dup", role: "agent" });
    await expect(addUser({ email: "DUP@example.com", name: "Dup", role: "agent" })).rejects.toThrow(
      new UserError("A user with email dup@example.com already exists."),
    );
    await expect(addUser({ email: "x@example.com", name: "X", role: "wizard" })).rejects.toThrow(
      /Unknown role "wizard"/,
    );
    await expect(addUser({ email: "y@example.com", name: "Y", role: "agent", password: "short" })).rejects.toThrow(
      /at least 12 characters/,
    );
    await expect(addUser({ email: "not-an-email", name: "Z", role: "agent" })).rejects.toThrow(/not a valid email/);
    const emails = (await listUsers()).map((u) => u.email);
    expect(emails.filter((e) => e === "dup@example.com")).toHaveLength(1);
    expect(emails).not.toContain("x@example.com");
    expect(emails).not.toContain("y@example.com");
  });

  it("says which user is missing when changing one that does not exist", async () => {
    await expect(setRole("ghost@example.com", "admin")).rejects.toThrow("No user with email ghost@example.com.");
  });
});
