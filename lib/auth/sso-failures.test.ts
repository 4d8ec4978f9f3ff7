import { describe, expect, it } from "vitest";
import { auditOutcomeOf, classifyCallbackError, failureFromAuthorizationError } from "@/lib/auth/sso-failures";
import { SIGN_IN_MESSAGES, signInMessage, SSO_ERRORS } from "@/lib/auth/sign-in-errors";

/** openid-client's errors as next-auth hands them on (name and fields, not their classes). */
const opError = (error: string) =>
  Object.assign(new Error(`${error} (client authentication failed)`), { name: "OPError", error });
const rpError = (message: string, extra: object = {}) =>
  Object.assign(new Error(message), { name: "RPError", ...extra });

describe("what went wrong in a callback", () => {
  it.each([
    [opError("invalid_client"), SSO_ERRORS.providerRefused],
    [opError("invalid_grant"), SSO_ERRORS.providerRefused],
    [opError("temporarily_unavailable"), SSO_ERRORS.unreachable],
    [rpError("expected 200 OK, got: 401 Unauthorized", { response: { statusCode: 401 } }), SSO_ERRORS.providerRefused],
    [rpError("expected 200 OK, got: 502 Bad Gateway", { response: { statusCode: 502 } }), SSO_ERRORS.unreachable],
    [rpError("JWT expired, now 1700000000, exp 1690000000"), SSO_ERRORS.tokenInvalid],
    [rpError("failed to validate JWT signature"), SSO_ERRORS.tokenInvalid],
    [rpError("nonce mismatch, expected a, got: b"), SSO_ERRORS.tokenInvalid],
    [rpError("aud mismatch, expected tokendesk, got: other"), SSO_ERRORS.tokenInvalid],
    [rpError("unexpected iss value, expected https://a, got: https://b"), SSO_ERRORS.issuerMismatch],
    [rpError("iss mismatch, expected https://a, got: https://b"), SSO_ERRORS.issuerMismatch],
    [rpError("state mismatch, expected x, got: y"), SSO_ERRORS.stateInvalid],
    [new TypeError("State cookie was missing."), SSO_ERRORS.stateInvalid],
    [new TypeError("PKCE code_verifier cookie was missing."), SSO_ERRORS.stateInvalid],
    [Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }), SSO_ERRORS.unreachable],
    [
      Object.assign(new Error("Timeout awaiting 'request' for 8000ms"), { name: "TimeoutError" }),
      SSO_ERRORS.unreachable,
    ],
    [new Error("something else entirely"), SSO_ERRORS.failed],
  ])("%s → %s", (error, code) => {
    expect(classifyCallbackError(error).code).toBe(code);
  });

  it("classifies what next-auth's logger passes on (a plain object with name and message)", () => {
    expect(classifyCallbackError({ name: "OAuthCallbackError", message: "Nonce cookie was missing." }).code).toBe(
      SSO_ERRORS.stateInvalid,
    );
  });
});

describe("an error the provider sent to the redirect URI", () => {
  it("tells a person's cancellation from a refused client and from an outage", () => {
    expect(failureFromAuthorizationError("access_denied", "The user cancelled").code).toBe(SSO_ERRORS.denied);
    expect(failureFromAuthorizationError("login_required").code).toBe(SSO_ERRORS.denied);
    expect(failureFromAuthorizationError("unauthorized_client").code).toBe(SSO_ERRORS.providerRefused);
    expect(failureFromAuthorizationError("invalid_request").code).toBe(SSO_ERRORS.providerRefused);
    expect(failureFromAuthorizationError("server_error").code).toBe(SSO_ERRORS.unreachable);
    expect(failureFromAuthorizationError("access_denied", "The user cancelled").detail).toContain("The user cancelled");
  });
});

describe("the words for each refusal", () => {
  it("has a whole sentence for every single sign-on code, and the audit outcome for each", () => {
    for (const code of Object.values(SSO_ERRORS)) {
      expect(SIGN_IN_MESSAGES[code], code).toMatch(/^[A-Zt].*\.$/);
      expect(auditOutcomeOf(code)).toBe(code === SSO_ERRORS.userDisabled ? "USER_DISABLED" : code);
    }
  });

  it("never turns an unknown or hostile code into anything but the password sentence", () => {
    expect(signInMessage("constructor")).toBe("The email or password is not correct.");
    expect(signInMessage("<script>")).toBe("The email or password is not correct.");
    expect(signInMessage("OAuthCallback")).toBe(SIGN_IN_MESSAGES[SSO_ERRORS.failed]);
  });
});
