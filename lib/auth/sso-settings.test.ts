import { describe, expect, it } from "vitest";
import { EnvError, oidcSettings, parseEnv, passwordsEnabled } from "@/lib/env";
import { parseRoleMap, roleForGroups } from "@/lib/auth/sso-role-map";

const SSO = {
  OIDC_ISSUER: "https://login.example.com/realms/it",
  OIDC_CLIENT_ID: "tokendesk",
  OIDC_CLIENT_SECRET: "s3cret",
  OIDC_ROLE_MAP: "helpdesk=agent,helpdesk-leads=supervisor,it-admins=admin",
};

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

describe("single sign-on settings", () => {
  it("are off, with passwords on, when nothing is set", () => {
    const e = parseEnv({});
    expect(oidcSettings(e)).toBeNull();
    expect(passwordsEnabled(e)).toBe(true);
  });

  it("read a complete configuration with its defaults", () => {
    const settings = oidcSettings(parseEnv(SSO));
    expect(settings).toMatchObject({ issuer: SSO.OIDC_ISSUER, roleClaim: "groups", name: "single sign-on" });
    expect([...settings!.roleMap]).toEqual([
      ["helpdesk", "AGENT"],
      ["helpdesk-leads", "SUPERVISOR"],
      ["it-admins", "ADMIN"],
    ]);
  });

  it("accept plain http only for an issuer on this machine", () => {
    expect(problemsOf({ ...SSO, OIDC_ISSUER: "http://127.0.0.1:9000" })).toEqual([]);
    expect(problemsOf({ ...SSO, OIDC_ISSUER: "http://localhost:9000/oidc" })).toEqual([]);
    expect(problemsOf({ ...SSO, OIDC_ISSUER: "http://login.example.com" })).toEqual([
      "OIDC_ISSUER: must be an https:// URL (http:// only for localhost), e.g. https://login.example.com/realms/it",
    ]);
    expect(problemsOf({ ...SSO, OIDC_ISSUER: "login.example.com" })[0]).toMatch(/^OIDC_ISSUER: must be a URL/);
    expect(problemsOf({ ...SSO, OIDC_ISSUER: "https://login.example.com/?tenant=1" })[0]).toMatch(/query/);
  });

  it("name what is missing when only the issuer is set", () => {
    expect(problemsOf({ OIDC_ISSUER: SSO.OIDC_ISSUER })).toEqual([
      "OIDC_ISSUER: single sign-on also needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET and OIDC_ROLE_MAP; set them or unset OIDC_ISSUER",
    ]);
    expect(problemsOf({ ...SSO, OIDC_CLIENT_SECRET: "" })).toEqual([
      "OIDC_ISSUER: single sign-on also needs OIDC_CLIENT_SECRET; set it or unset OIDC_ISSUER",
    ]);
  });

  it("refuse client settings without an issuer", () => {
    expect(problemsOf({ OIDC_CLIENT_ID: "tokendesk" })).toEqual([
      "OIDC_CLIENT_ID: is set but OIDC_ISSUER is not; set OIDC_ISSUER to turn single sign-on on, or unset this",
    ]);
  });

  it("turn passwords off only when single sign-on can take their place", () => {
    expect(passwordsEnabled(parseEnv({ ...SSO, AUTH_PASSWORDS: "off" }))).toBe(false);
    expect(passwordsEnabled(parseEnv({ ...SSO, AUTH_PASSWORDS: "on" }))).toBe(true);
    expect(problemsOf({ AUTH_PASSWORDS: "off" })).toEqual([
      "AUTH_PASSWORDS: is off but single sign-on is not configured (OIDC_ISSUER), so nobody could sign in",
    ]);
    expect(problemsOf({ ...SSO, AUTH_PASSWORDS: "maybe" })).toEqual(['AUTH_PASSWORDS: must be "on" or "off"']);
  });

  it("name the bad entry of a role map", () => {
    expect(problemsOf({ ...SSO, OIDC_ROLE_MAP: "helpdesk=agent,leads=boss" })).toEqual([
      'OIDC_ROLE_MAP: entry "leads=boss": "boss" is not a role; use agent, supervisor or admin',
    ]);
    expect(problemsOf({ ...SSO, OIDC_ROLE_MAP: "helpdesk" })).toEqual([
      'OIDC_ROLE_MAP: entry "helpdesk" has no "=role"; write group=role, e.g. helpdesk=agent',
    ]);
    expect(problemsOf({ ...SSO, OIDC_ROLE_MAP: "a=agent,a=admin" })).toEqual([
      'OIDC_ROLE_MAP: group "a" is mapped twice (to agent and to admin); keep one',
    ]);
    expect(problemsOf({ ...SSO, OIDC_ROLE_MAP: " , " })[0]).toMatch(/^OIDC_ROLE_MAP: names no group/);
  });
});

describe("role map", () => {
  it("splits on semicolons when group names hold commas, and at the last equals sign", () => {
    const { map, problems } = parseRoleMap("CN=Help desk,OU=Groups=agent; CN=IT,OU=Groups=admin");
    expect(problems).toEqual([]);
    expect(map.get("CN=Help desk,OU=Groups")).toBe("AGENT");
    expect(map.get("CN=IT,OU=Groups")).toBe("ADMIN");
  });

  it("gives the highest role of every mapped group, and none without one", () => {
    const { map } = parseRoleMap("helpdesk=agent\nhelpdesk-leads=supervisor\nit-admins=admin");
    expect(roleForGroups(["helpdesk", "it-admins", "staff"], map)).toBe("ADMIN");
    expect(roleForGroups(["helpdesk-leads", "helpdesk"], map)).toBe("SUPERVISOR");
    expect(roleForGroups(["staff"], map)).toBeNull();
    expect(roleForGroups([], map)).toBeNull();
    expect(roleForGroups(["HELPDESK"], map)).toBeNull();
  });
});
