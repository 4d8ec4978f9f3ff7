import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, rsaCredentialKind } from "@/lib/env";

describe("configuration", () => {
  it("has sensible defaults", () => {
    const e = parseEnv({});
    expect(e).toMatchObject({
      PORT: 3000,
      DATA_DIR: ".data",
      SESSION_MAX_AGE_MINUTES: 480,
      SESSION_IDLE_MINUTES: 30,
      DEMO_MODE: false,
    });
    expect(rsaCredentialKind(e)).toBe("none");
  });

  it("names the bad variable", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a postgresql/);
    expect(() => parseEnv({ SESSION_IDLE_MINUTES: "-5" })).toThrow(/SESSION_IDLE_MINUTES/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", RSA_ADMIN_KEY_FILE: "" }).DATABASE_URL).toBeUndefined();
  });

  it("tells which RSA credential type is configured", () => {
    expect(rsaCredentialKind(parseEnv({ RSA_ADMIN_KEY_FILE: "/k.key" }))).toBe("legacy-key");
    expect(rsaCredentialKind(parseEnv({ RSA_OAUTH_CLIENT_ID: "c" }))).toBe("oauth");
  });
});
