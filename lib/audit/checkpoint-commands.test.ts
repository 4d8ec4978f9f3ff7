import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { appendAuditEvent } from "@/lib/audit/append";
import { readChainHead } from "@/lib/audit/chain-head";
import { auditEvents, NO_REQUEST } from "@/lib/audit/events";
import { databaseUrl } from "@/lib/db";
import { withClient } from "@/lib/test-support/databases";

const run = promisify(execFile);

/**
 * The commands an operator runs, as they run them: `npm run audit:checkpoint`
 * names the real head (seq compared as a number: with 120 rows, "99" sorts
 * after "120" as text), and after the tail is cut `npm run audit:verify
 * --checkpoints` fails.
 */
async function command(script: string, args: string[]) {
  return run("npx", ["tsx", "--conditions=react-server", `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl(), LOG_LEVEL: "silent" },
  }).then(
    (done) => ({ code: 0, out: done.stdout + done.stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => ({
      code: failed.code,
      out: failed.stdout + failed.stderr,
    }),
  );
}

describe("checkpoints against a cut tail", async () => {
  for (let i = 1; i <= 120; i++)
    await appendAuditEvent(
      auditEvents.lookup({
        actor: { kind: "anonymous" },
        request: NO_REQUEST,
        serial: String(300000000000 + i),
        tokenType: "SID700",
        rsaUserId: null,
        outcome: "FOUND",
      }),
    );

  it("reads the head by number, not by text", async () => {
    const head = await withClient(databaseUrl(), (client) => readChainHead(client));
    expect(head?.seq).toBe("120");
  });

  it("audit:checkpoint records row 120, and audit:verify fails once rows after it are cut", async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), "tokendesk-checkpoints-")), "checkpoints.jsonl");
    const taken = await command("audit-checkpoint", ["--out", file]);
    expect(taken.code, taken.out).toBe(0);
    expect(JSON.parse((await readFile(file, "utf8")).trim())).toMatchObject({ seq: "120" });

    const intact = await command("audit-verify", ["--checkpoints", file]);
    expect(intact.code, intact.out).toBe(0);
    expect(intact.out).toMatch(/Audit chain intact: 121 rows checked/); // 120 lookups + the checkpoint's own row

    // Someone with the database owner's rights cuts the last rows, triggers off.
    const owner = new pg.Client({ connectionString: databaseUrl() });
    await owner.connect();
    await owner.query("SET session_replication_role = replica");
    await owner.query("DELETE FROM audit_events WHERE seq > 110");
    await owner.end();

    const cut = await command("audit-verify", ["--checkpoints", file]);
    expect(cut.code).toBe(1);
    expect(cut.out).toMatch(/AUDIT CHAIN BROKEN at row 111 \(truncated\)/);
  }, 60_000);
});
