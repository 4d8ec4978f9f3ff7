import { describe, expect, it } from "vitest";
import { claimAt, groupsFromClaim, identityFromClaims } from "@/lib/auth/sso-claims";

const BASE = { iss: "https://idp.example.com", sub: "00u1abc", email: "Ada@Example.com", name: "Ada Lovelace" };

describe("groups from a claim", () => {
  it("takes an array of names (Okta, Keycloak) or of ids (Entra ID)", () => {
    expect(groupsFromClaim(["helpdesk", "staff"])).toEqual(["helpdesk", "staff"]);
    expect(groupsFromClaim(["9a4c2f3e-1b2d-4c5e-8f90-a1b2c3d4e5f6"])).toEqual(["9a4c2f3e-1b2d-4c5e-8f90-a1b2c3d4e5f6"]);
  });

  it("splits one string on commas, or else on spaces, keeping the whole string too", () => {
    expect(groupsFromClaim("helpdesk-leads, staff")).toEqual(["helpdesk-leads, staff", "helpdesk-leads", "staff"]);
    expect(groupsFromClaim("helpdesk staff")).toEqual(["helpdesk staff", "helpdesk", "staff"]);
    expect(groupsFromClaim("helpdesk")).toEqual(["helpdesk"]);
  });

  it("ignores what is not a name: objects, empty strings, missing claims", () => {
    expect(groupsFromClaim([{ id: "x" }, "", "  ", null, 42])).toEqual(["42"]);
    expect(groupsFromClaim(undefined)).toEqual([]);
    expect(groupsFromClaim({ helpdesk: true })).toEqual([]);
  });
});

describe("a claim by name", () => {
  it("finds namespaced names as they are, and dotted paths into objects", () => {
    const claims = { "https://example.com/groups": ["a"], realm_access: { roles: ["agent-role"] } };
    expect(claimAt(claims, "https://example.com/groups")).toEqual(["a"]);
    expect(claimAt(claims, "realm_access.roles")).toEqual(["agent-role"]);
    expect(claimAt(claims, "realm_access.missing")).toBeUndefined();
    expect(claimAt(claims, "constructor")).toBeUndefined();
  });
});

describe("the identity in a set of claims", () => {
  it("reads subject, issuer, a lower-cased e-mail, the name and the groups", () => {
    const read = identityFromClaims({ ...BASE, email_verified: true, groups: ["helpdesk"] }, "groups");
    expect(read).toEqual({
      ok: true,
      identity: {
        issuer: "https://idp.example.com",
        subject: "00u1abc",
        email: "ada@example.com",
        emailVerified: true,
        displayName: "Ada Lovelace",
        groups: ["helpdesk"],
      },
    });
  });

  it("believes email_verified only when it says true (a boolean, or the string Cognito sends)", () => {
    const verified = (value: unknown) => {
      const read = identityFromClaims({ ...BASE, email_verified: value }, "groups");
      return read.ok && read.identity.emailVerified;
    };
    expect(verified(true)).toBe(true);
    expect(verified("true")).toBe(true);
    expect(verified(false)).toBe(false);
    expect(verified("yes")).toBe(false);
    expect(verified(undefined)).toBe(false);
  });

  it("falls back to an e-mail-shaped preferred_username (an Entra ID UPN), which never counts as verified", () => {
    const read = identityFromClaims(
      { iss: BASE.iss, sub: "x", preferred_username: "Bob@Corp.example", email_verified: true },
      "groups",
    );
    expect(read.ok && read.identity).toMatchObject({ email: "bob@corp.example", emailVerified: false });
  });

  it("builds a name from given and family names, else uses the e-mail, without control characters", () => {
    const named = identityFromClaims(
      { ...BASE, name: undefined, given_name: "Ada", family_name: "L\u0007ovelace" },
      "g",
    );
    expect(named.ok && named.identity.displayName).toBe("Ada L ovelace");
    const bare = identityFromClaims({ ...BASE, name: "   " }, "g");
    expect(bare.ok && bare.identity.displayName).toBe("ada@example.com");
  });

  it("says which essential claim is missing", () => {
    expect(identityFromClaims({ ...BASE, sub: "" }, "groups")).toEqual({ ok: false, problem: "no-subject" });
    expect(identityFromClaims({ ...BASE, iss: undefined }, "groups")).toEqual({ ok: false, problem: "no-subject" });
    expect(identityFromClaims({ ...BASE, email: "not an address" }, "groups")).toEqual({
      ok: false,
      problem: "no-email",
    });
  });
});
