import { expect, test } from "@playwright/test";
import { DEFAULT_LOCALE, LANGUAGE_NAMES, LOCALES, localizedPath, splitLocale } from "@/lib/domain/locale";
import { inEveryLanguage, onePerKind, sitemapPaths } from "./pages/sitemap";
import { axeViolations } from "./pages/axe";

// Every kind of public page the sitemap lists, in each language the site serves (pages/sitemap.ts),
// in light at both screen sizes; in dark once, at desktop size and in English, since the colours a
// scheme swaps depend on neither the width nor the words. One test per scheme and language, so that
// the two workers share them (axe's scans are a quarter of the suite's time).
for (const colorScheme of ["light", "dark"] as const) {
  for (const locale of colorScheme === "light" ? LOCALES : [DEFAULT_LOCALE]) {
    const sizes = colorScheme === "light" ? { tag: "@phone" } : {};
    test(
      `no public page in ${LANGUAGE_NAMES[locale]} has an accessibility violation (WCAG 2.2 AA, ${colorScheme})`,
      sizes,
      async ({ page, request }) => {
        // A guard against a hang: a dozen pages, each scanned by axe, have taken over three minutes
        // on two loaded cores.
        test.setTimeout(420_000);
        const everyPage = onePerKind(inEveryLanguage(await sitemapPaths(request)));
        // And the page an unknown address gets.
        const paths = [
          ...everyPage.filter((path) => splitLocale(path).locale === locale),
          localizedPath(locale, "/nope"),
        ];
        expect(paths).toEqual(
          expect.arrayContaining(
            ["/", "/story", "/help", "/about", "/privacy", "/nope"].map((path) =>
              localizedPath(locale, path),
            ),
          ),
        );
        expect(paths.filter((path) => /\/(petition|pledge)\//.test(path))).toHaveLength(2);
        await page.emulateMedia({ colorScheme });
        for (const path of paths) {
          await page.goto(path);
          expect(await axeViolations(page), `${path} (${colorScheme})`).toEqual([]);
        }
      },
    );
  }
}

test("motion stops for readers who ask for reduced motion", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/");
  const pulse = page.getByTestId("live-total").first().locator("[aria-hidden=true]");
  expect(await pulse.evaluate((el) => getComputedStyle(el).animationName)).toBe("none");
});
