import { describe, expect, it } from "vitest";
import { EnvError } from "../lib/env";
import { MigrationError } from "../lib/db/migrations";
import { describeStartFailure } from "./start-errors";
import { planListening, publicUrlMismatch } from "./start-listen";

describe("where npm start listens", () => {
  it("a demo listens on 127.0.0.1 only and says how to open it up", () => {
    const plan = planListening({ PORT: 3000 }, true);
    expect(plan).toEqual({
      host: "127.0.0.1",
      note: "Listening on 127.0.0.1 only (demo mode); set HOST=0.0.0.0 to accept other machines.",
      localUrl: "http://127.0.0.1:3000",
      defaultPublicUrl: "http://localhost:3000",
    });
  });

  it("a configured installation listens on every interface unless HOST says otherwise", () => {
    expect(planListening({ PORT: 3000 }, false)).toMatchObject({ host: undefined, localUrl: "http://127.0.0.1:3000" });
    expect(planListening({ PORT: 3000, HOST: "0.0.0.0" }, true)).toMatchObject({ host: "0.0.0.0" });
  });

  it("a specific address is the URL to print, since localhost would not reach it", () => {
    expect(planListening({ PORT: 8080, HOST: "10.0.0.5" }, false)).toMatchObject({
      host: "10.0.0.5",
      defaultPublicUrl: "http://10.0.0.5:8080",
    });
    expect(planListening({ PORT: 8080, HOST: "fd00::5" }, false).defaultPublicUrl).toBe("http://[fd00::5]:8080");
  });

  it("warns when NEXTAUTH_URL names another machine but the server only accepts this one", () => {
    const plan = planListening({ PORT: 3000 }, true);
    expect(publicUrlMismatch("http://helpdesk.example.com:3000", plan)).toMatch(/set HOST=0\.0\.0\.0/);
    expect(publicUrlMismatch("http://localhost:3000", plan)).toBeUndefined();
    expect(publicUrlMismatch("https://helpdesk.example.com", planListening({ PORT: 3000 }, false))).toBeUndefined();
  });
});

describe("how a failed start is told", () => {
  it("bad configuration: the problems in one line, exit code 2", () => {
    const failure = describeStartFailure(new EnvError(["PORT: Too big", "HOST: must be a host name"]));
    expect(failure).toEqual({ message: "invalid configuration: PORT: Too big; HOST: must be a host name.", code: 2 });
  });

  it("our own multi-line messages become one line", () => {
    const failure = describeStartFailure(
      new MigrationError("Refusing to migrate:\n  - a was changed\n  - b is missing"),
    );
    expect(failure).toEqual({ message: "Refusing to migrate: a was changed; b is missing", code: 1 });
  });

  it("an unexpected error gives its message without a stack, unless LOG_LEVEL=debug", () => {
    const error = new TypeError("x is undefined");
    expect(describeStartFailure(error).message).toBe("unexpected error: x is undefined (LOG_LEVEL=debug shows where)");
    expect(describeStartFailure(error, "debug").message).toContain("at ");
  });
});
