import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

/**
 * WCAG 2.2 AA (every level-A and level-AA rule from 2.0 to 2.2) plus axe's
 * best practices (landmarks, one h1, headings in order): the bar DESIGN.md sets
 * for every screen. Any violation fails, whatever its impact.
 */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];

export interface AxeOptions {
  /** Only this part of the page (a CSS selector), e.g. an open dialog. */
  include?: string;
}

/** Runs axe on the page as it is now and fails on any violation, naming each one. */
export async function expectNoAxeViolations(page: Page, screen: string, options: AxeOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  if (options.include) builder = builder.include(options.include);
  const { violations } = await builder.analyze();
  const lines = violations.flatMap((v) =>
    v.nodes.map((node) => `${v.id} (${v.impact ?? "no impact given"}) at ${node.target.join(" ")}: ${v.help}`),
  );
  if (lines.length > 0) {
    // Printed as well as attached, so a failing run says what to fix without opening the report.
    console.log(`axe on ${screen}:\n  ${lines.join("\n  ")}`);
    await test.info().attach(`axe violations on ${screen}`, {
      body: JSON.stringify(violations, null, 2),
      contentType: "application/json",
    });
  }
  // Soft: the test goes on to the next screen, so one run lists everything there is to fix.
  expect.soft(lines, `axe found violations on ${screen}`).toEqual([]);
}
