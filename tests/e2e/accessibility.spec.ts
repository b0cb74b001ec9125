import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { inEveryLanguage, onePerKind, sitemapPaths } from "./pages/sitemap";

// Every kind of public page the sitemap lists, in every language (pages/sitemap.ts): in light at
// both screen sizes, and in dark once, at desktop size (the colours a scheme swaps do not depend on
// the width).
for (const colorScheme of ["light", "dark"] as const) {
  const sizes = colorScheme === "light" ? { tag: "@phone" } : {};
  test(
    `no public page has an accessibility violation (WCAG 2.2 AA, ${colorScheme})`,
    sizes,
    async ({ page, request }) => {
      test.setTimeout(300_000);
      // And the page an unknown address gets, in each language.
      const paths = [...onePerKind(inEveryLanguage(await sitemapPaths(request))), "/nope", "/es/nope"];
      expect(paths).toEqual(expect.arrayContaining(["/", "/story", "/help", "/about", "/privacy"]));
      expect(paths).toEqual(expect.arrayContaining(["/es", "/es/story", "/es/help"]));
      expect(paths.filter((path) => /\/(petition|pledge)\//.test(path))).toHaveLength(4);
      await page.emulateMedia({ colorScheme });
      for (const path of paths) {
        await page.goto(path);
        const results = await new AxeBuilder({ page })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
          .analyze();
        expect(results.passes.length, "axe ran its rules").toBeGreaterThan(20);
        const summary = results.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
        expect(summary, `${path} (${colorScheme})`).toEqual([]);
      }
    },
  );
}

test("motion stops for readers who ask for reduced motion", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/");
  const pulse = page.getByTestId("live-total").first().locator("[aria-hidden=true]");
  expect(await pulse.evaluate((el) => getComputedStyle(el).animationName)).toBe("none");
});
