import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { childExit, stopChild } from "./child-exit";
import { childProcessPart, Supervisor } from "./supervisor";

/** Real child processes: a `node -e` that idles until it is told to stop (or killed). */
const children: ChildProcess[] = [];
function idleChild(script = "setInterval(() => {}, 1000)"): ChildProcess {
  const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
  children.push(child);
  return child;
}
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

function harness() {
  const lines: string[] = [];
  let resolveExit!: (code: number) => void;
  const exitCode = new Promise<number>((resolve) => (resolveExit = resolve));
  const supervisor = new Supervisor({ log: (line) => lines.push(line), exit: (code) => resolveExit(code) }, 2_000);
  return { supervisor, lines, exitCode };
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

describe("process supervision", () => {
  it("a child killed by a signal ends the wait at once (exitCode null, signalCode set)", async () => {
    const child = idleChild();
    child.kill("SIGKILL");
    const exit = await childExit(child);
    expect(exit).toEqual({ code: null, signal: "SIGKILL" });
    // The bug this replaces: a second wait on the same dead child never resolved.
    await expect(childExit(child)).resolves.toEqual({ code: null, signal: "SIGKILL" });
    await expect(stopChild(child)).resolves.toEqual({ code: null, signal: "SIGKILL" });
  });

  it("when a supervised child is SIGKILLed, says which, stops the others newest first, and exits 1", async () => {
    const { supervisor, lines, exitCode } = harness();
    const database = idleChild();
    const stopped: string[] = [];
    supervisor.add({ ...childProcessPart("PostgreSQL", database), stop: async () => void stopped.push("PostgreSQL") });
    supervisor.add({ name: "the RSA simulator", stop: async () => void stopped.push("simulator") });
    const web = idleChild();
    supervisor.add(childProcessPart("the web server (next start)", web));

    web.kill("SIGKILL");
    expect(await exitCode).toBe(1);
    expect(lines).toEqual(["The web server (next start) was killed by SIGKILL; stopping tokendesk."]);
    expect(stopped).toEqual(["simulator", "PostgreSQL"]);
  });

  it("a child that exits with code 0 by itself is still a failure of the whole", async () => {
    const { supervisor, lines, exitCode } = harness();
    const other = idleChild();
    supervisor.add(childProcessPart("PostgreSQL", other));
    supervisor.add(childProcessPart("the web server (next start)", idleChild("setTimeout(() => {}, 50)")));
    expect(await exitCode).toBe(1);
    expect(lines).toEqual(["The web server (next start) exited with code 0; stopping tokendesk."]);
    await childExit(other);
    expect(other.signalCode).toBe("SIGTERM");
  });

  it("a requested shutdown (Ctrl+C) stops running children and exits with the code asked for", async () => {
    const { supervisor, lines, exitCode } = harness();
    const database = idleChild();
    const web = idleChild();
    supervisor.add(childProcessPart("PostgreSQL", database, { signal: "SIGINT" }));
    supervisor.add(childProcessPart("the web server (next start)", web));
    await supervisor.shutdown(0);
    expect(await exitCode).toBe(0);
    expect(running(database) || running(web)).toBe(false);
    expect(database.signalCode).toBe("SIGINT");
    expect(lines).toEqual([]); // children ending because we asked them to is not news
  });

  it("a child that ignores SIGTERM is killed after the grace period, so stopping always ends", async () => {
    const stubborn = idleChild("process.on('SIGTERM', () => {}); process.send?.('x'); setInterval(() => {}, 1000)");
    await new Promise((resolve) => setTimeout(resolve, 300)); // let it install its handler
    const exit = await stopChild(stubborn, { graceMs: 300 });
    expect(exit.signal).toBe("SIGKILL");
  });

  it("a part added while shutting down is stopped at once; forgotten parts may end quietly", async () => {
    const { supervisor, lines, exitCode } = harness();
    const build = idleChild("setTimeout(() => {}, 50)");
    const forget = supervisor.add(childProcessPart("the build", build));
    forget();
    await childExit(build);
    const shutdown = supervisor.shutdown(0);
    const late = idleChild();
    supervisor.add(childProcessPart("the web server (next start)", late));
    await shutdown;
    await childExit(late);
    expect(await exitCode).toBe(0);
    expect(lines).toEqual([]);
  });

  it("a binary that cannot be executed is reported, not thrown", async () => {
    const { supervisor, lines, exitCode } = harness();
    const missing = spawn("/nonexistent/next", [], { stdio: "ignore" });
    supervisor.add(childProcessPart("the web server (next start)", missing));
    expect(await exitCode).toBe(1);
    expect(lines).toEqual(["The web server (next start) could not be started (ENOENT); stopping tokendesk."]);
  });
});
