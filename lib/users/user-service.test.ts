import { BY_TEST } from "@/lib/test-support/audit-events";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addUser, listUsers, resetPassword, setDisabled, setRole, UserError } from "@/lib/users/user-service";

describe("user management", () => {
  it("creates a user with a generated password of at least 12 characters", async () => {
    const result = await addUser({ email: "New.Person@Example.com", name: "New Person", role: "Supervisor" }, BY_TEST);
    expect(result.generated).toBe(true);
    expect(result.password.length).toBeGreaterThanOrEqual(12);
    expect(result.user).toMatchObject({ email: "new.person@example.com", role: "SUPERVISOR", disabled: false });
    expect((await listUsers()).map((u) => u.email)).toContain("new.person@example.com");
  });

  it("rejects a duplicate email (case-insensitive), unknown role and weak password with clear messages", async () => {
    await addUser({ email: "dup@example.com", name: "Dup", role: "agent" }, BY_TEST);
    await expect(addUser({ email: "DUP@example.com", name: "Dup", role: "agent" }, BY_TEST)).rejects.toThrow(
      new UserError("A user with email dup@example.com already exists.", "invalid", "email"),
    );
    await expect(addUser({ email: "x@example.com", name: "X", role: "wizard" }, BY_TEST)).rejects.toThrow(
      /Unknown role "wizard"/,
    );
    await expect(
      addUser({ email: "y@example.com", name: "Y", role: "agent", password: "short" }, BY_TEST),
    ).rejects.toThrow(/at least 12 characters/);
    await expect(addUser({ email: "not-an-email", name: "Z", role: "agent" }, BY_TEST)).rejects.toThrow(
      /not a valid email/,
    );
    const emails = (await listUsers()).map((u) => u.email);
    expect(emails.filter((e) => e === "dup@example.com")).toHaveLength(1);
    expect(emails).not.toContain("x@example.com");
    expect(emails).not.toContain("y@example.com");
  });

  it("says which user is missing when changing one that does not exist", async () => {
    await expect(setRole("ghost@example.com", "admin", BY_TEST)).rejects.toThrow(
      "No user with email ghost@example.com.",
    );
  });

  it("writes an audit row for every change, naming who made it, and never the password", async () => {
    const { user } = await addUser(
      { email: "audited@example.com", name: "Audited", role: "agent", password: "a-secret-password-1" },
      BY_TEST,
    );
    await setRole("audited@example.com", "supervisor", BY_TEST);
    await setDisabled("audited@example.com", true, BY_TEST);
    await resetPassword("audited@example.com", "another-secret-pw-2", BY_TEST);
    const rows = await db().auditEvent.findMany({ where: { type: "USER_ADMIN" }, orderBy: { seq: "asc" } });
    const mine = rows.filter((r) => (r.details as { target?: { id?: string } }).target?.id === user.id);
    expect(mine.map((r) => r.action)).toEqual(["USER_ADD", "USER_ROLE", "USER_DISABLE", "USER_PASSWORD_RESET"]);
    expect(mine[1]).toMatchObject({
      actorName: "test",
      stateBefore: { role: "AGENT" },
      stateAfter: { role: "SUPERVISOR" },
    });
    expect(JSON.stringify(mine.map(({ seq, ...rest }) => ({ ...rest, seq: String(seq) })))).not.toMatch(
      /secret-pw|secret-password|scrypt/,
    );
  });

  it("refuses to demote or disable the last active administrator, and changes nothing", async () => {
    await addUser({ email: "only.admin@example.com", name: "Only Admin", role: "admin" }, BY_TEST);
    const admins = await db().user.count({ where: { role: "ADMIN", disabled: false } });
    if (admins === 1) {
      await expect(setRole("only.admin@example.com", "agent", BY_TEST)).rejects.toThrow(/last active administrator/);
      await expect(setDisabled("only.admin@example.com", true, BY_TEST)).rejects.toThrow(/last active administrator/);
    }
    await addUser({ email: "second.admin@example.com", name: "Second Admin", role: "admin" }, BY_TEST);
    await setDisabled("only.admin@example.com", true, BY_TEST);
    await expect(setRole("second.admin@example.com", "agent", BY_TEST)).rejects.toThrow(/last active administrator/);
    expect(await db().user.findUnique({ where: { email: "second.admin@example.com" } })).toMatchObject({
      role: "ADMIN",
    });
  });
});
