import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { newUsersGetPassword, signInMethods } from "@/lib/admin/sign-in-methods";

const SSO = {
  OIDC_ISSUER: "https://login.example.com/realms/it",
  OIDC_CLIENT_ID: "tokendesk",
  OIDC_CLIENT_SECRET: "a-client-secret-of-some-length",
  OIDC_ROLE_MAP: "helpdesk=agent,it-admins=admin",
};

describe("how new users sign in", () => {
  it("gives passwords when single sign-on is not configured", () => {
    const methods = signInMethods(parseEnv({ NEXTAUTH_URL: "https://desk.example.com/" }));
    expect(methods).toEqual({ singleSignOn: false, passwords: true, signInUrl: "https://desk.example.com/signin" });
    expect(newUsersGetPassword(methods)).toBe(true);
  });

  it("gives a sign-in link with single sign-on, and no password where passwords are off", () => {
    const sso = signInMethods(parseEnv(SSO));
    expect(sso).toMatchObject({ singleSignOn: true, passwords: true, signInUrl: "http://localhost:3000/signin" });
    expect(newUsersGetPassword(sso)).toBe(false);
    const ssoOnly = signInMethods(parseEnv({ ...SSO, AUTH_PASSWORDS: "off" }));
    expect(ssoOnly).toMatchObject({ singleSignOn: true, passwords: false });
    expect(newUsersGetPassword(ssoOnly)).toBe(false);
  });
});
