import { describe, expect, it } from "vitest";
import { appendAuditEvent } from "@/lib/audit/append";
import { auditEvents, NO_REQUEST } from "@/lib/audit/events";
import { backdated, testAgent, testChange, testIntent } from "@/lib/test-support/audit-events";
import { pageFilters, parseHistoryFilters } from "@/lib/audit/history-filters";
import { historyBatches, historyPage, PAGE_SIZE } from "@/lib/audit/history-query";
import { csvHeader, csvRows, jsonLines, neutraliseCell } from "@/lib/audit/export-format";
import { outcomeWords } from "@/lib/audit/outcome-words";

const alice = testAgent("Alice");
const bob = testAgent("Bob");

describe("audit history query", async () => {
  // 60 lookups by Alice, then a change by Bob with its outcome, a refused one and an open one.
  for (let i = 0; i < 60; i++)
    await appendAuditEvent(
      auditEvents.lookup({
        actor: alice,
        request: NO_REQUEST,
        serial: String(200000000000 + i),
        tokenType: "SID700",
        rsaUserId: null,
        outcome: "FOUND",
      }),
    );
  const disable = testIntent(
    bob,
    testChange({ action: "DISABLE", serial: "000000000777", ticket: '=HYPERLINK("x")', reason: "lost" }),
  );
  await appendAuditEvent(auditEvents.changeIntent({ intent: disable, stateBefore: null }));
  await appendAuditEvent(
    auditEvents.changeOutcome({
      intent: disable,
      outcome: "SUCCESS",
      failure: { rsaStatus: 200 },
      stateBefore: null,
      stateAfter: null,
      durationMs: 42,
    }),
  );
  await appendAuditEvent(
    auditEvents.changeRefused({
      actor: bob,
      request: NO_REQUEST,
      change: testChange({ action: "ENABLE", serial: "000000000778", ticket: "INC-2" }),
      errorCode: "STATE_CHANGED",
    }),
  );
  // Two changes whose answers were lost: one later confirmed as applied, one still unknown.
  for (const [serial, resolved] of [
    ["000000000780", true],
    ["000000000781", false],
  ] as const) {
    const intent = testIntent(bob, testChange({ action: "DISABLE", serial, ticket: "INC-4" }));
    await appendAuditEvent(auditEvents.changeIntent({ intent, stateBefore: null }));
    await appendAuditEvent(
      auditEvents.changeOutcome({
        intent,
        outcome: "UNKNOWN",
        failure: { errorCode: "TIMEOUT" },
        stateBefore: null,
        stateAfter: null,
        durationMs: 8000,
      }),
    );
    if (resolved)
      await appendAuditEvent(
        auditEvents.changeResolution({
          intent,
          resolvedBy: { kind: "system", name: "tokendesk reconciler" },
          resolution: "APPLIED",
          stateBefore: null,
          observed: { tokenStatus: "Disabled" },
          details: {},
        }),
      );
  }
  const open = testIntent(bob, testChange({ action: "UNASSIGN", serial: "000000000779", ticket: "INC-3" }));
  await appendAuditEvent(backdated(auditEvents.changeIntent({ intent: open, stateBefore: null }), 120_000));

  it("reads an INTENT and its OUTCOME as one event, newest first", async () => {
    const { rows } = await historyPage(parseHistoryFilters({ agent: bob.id }));
    expect(rows.map((r) => `${r.type}:${r.serial}:${r.outcome ?? "open"}:${r.resolution ?? "-"}`)).toEqual([
      "CHANGE_INTENT:000000000781:UNKNOWN:-",
      "CHANGE_INTENT:000000000780:UNKNOWN:APPLIED",
      "CHANGE_REFUSED:000000000778:REFUSED:-",
      "CHANGE_INTENT:000000000777:SUCCESS:-",
      "CHANGE_INTENT:000000000779:open:-",
    ]);
    expect(rows[3]).toMatchObject({ durationMs: 42, rsaStatus: 200, ticket: '=HYPERLINK("x")' });
  });

  it("says unknown until a resolution, then applied (confirmed later) — on screen and in the export", async () => {
    const { rows } = await historyPage(parseHistoryFilters({ ticket: "INC-4" }));
    const words = rows.map((r) => outcomeWords(r, Date.now()).text);
    expect(words).toEqual(["unknown — not yet confirmed", "applied (confirmed later)"]);
    const csv = csvRows(rows);
    expect(csv).toContain("unknown — not yet confirmed");
    expect(csv).toContain(",APPLIED,");
    expect(csv).not.toMatch(/fail/i);
  });

  it("pages with a keyset cursor: 50, then the rest, no overlap, no gap", async () => {
    const first = await historyPage(parseHistoryFilters({ agent: alice.id }));
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.nextCursor).toBeTruthy();
    const second = await historyPage(parseHistoryFilters({ agent: alice.id, cursor: first.nextCursor! }));
    expect(second.rows).toHaveLength(10);
    expect(second.nextCursor).toBeNull();
    const serials = [...first.rows, ...second.rows].map((r) => r.serial);
    expect(new Set(serials).size).toBe(60);
    expect(serials[0]).toBe("200000000059");
    expect(serials.at(-1)).toBe("200000000000");
  });

  it.each([
    [{ serial: "0000-0000-0777" }, ["000000000777"]],
    [{ ticket: "INC-2" }, ["000000000778"]],
    [{ action: "refused" }, ["000000000778"]],
    [{ action: "unassign" }, ["000000000779"]],
    [{ outcome: "open" }, ["000000000779"]],
    [{ outcome: "success", agent: bob.id }, ["000000000780", "000000000777"]],
    [{ outcome: "unknown" }, ["000000000781"]],
    [{ outcome: "failure", agent: bob.id }, []],
    // The audit page's default view: changes and refusals, none of Alice's lookups.
    [{ action: "changes-refused" }, ["000000000781", "000000000780", "000000000778", "000000000777", "000000000779"]],
    [{ action: "all", serial: "200000000007" }, ["200000000007"]],
    [
      { range: "1h", agent: bob.id, action: "changes" },
      ["000000000781", "000000000780", "000000000777", "000000000779"],
    ],
  ])("filters by %j", async (params, serials) => {
    const { rows } = await historyPage(parseHistoryFilters(params as Record<string, string>));
    expect(rows.map((r) => r.serial)).toEqual(serials);
  });

  it("opens the page on changes and refusals unless the URL names a view", () => {
    expect(pageFilters({}).action).toBe("changes-refused");
    expect(pageFilters({ action: "lookup" }).action).toBe("lookup");
    expect(pageFilters({ action: "not-a-view" }).action).toBe("changes-refused");
    // The export route keeps "no action" as everything; the page's links always name it.
    expect(parseHistoryFilters({}).action).toBeUndefined();
  });

  it("streams exactly the filtered set in batches", async () => {
    const seen: string[] = [];
    for await (const batch of historyBatches(parseHistoryFilters({ agent: alice.id }), 7)) {
      expect(batch.length).toBeLessThanOrEqual(7);
      seen.push(...batch.map((r) => r.serial!));
    }
    expect(seen).toHaveLength(60);
  });

  it("exports CSV safe from formula injection and JSON Lines", async () => {
    const { rows } = await historyPage(parseHistoryFilters({ serial: "000000000777" }));
    const csv = csvHeader() + csvRows(rows);
    expect(csv.split("\r\n")[0]).toMatch(/^time_utc,event,agent_email/);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
    const json = JSON.parse(jsonLines(rows).trim());
    expect(json).toMatchObject({ serial: "000000000777", outcome: "SUCCESS", ticket: '=HYPERLINK("x")' });
    for (const dangerous of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx"])
      expect(neutraliseCell(dangerous).startsWith("'")).toBe(true);
    expect(neutraliseCell("INC-1")).toBe("INC-1");
  });
});
