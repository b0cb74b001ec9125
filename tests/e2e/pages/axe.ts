import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * What axe finds on a page as it is now, held to WCAG 2.2 AA and axe's best practice, each as
 * "rule: the elements", after `where` when given. Fails if axe did not run its rules at all.
 */
export async function axeViolations(page: Page, where?: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  expect(results.passes.length, "axe ran its rules").toBeGreaterThan(10);
  return results.violations.map(
    (v) => `${where ? `${where}: ` : ""}${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}
