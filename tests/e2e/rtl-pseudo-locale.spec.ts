import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { pickDriver } from "@/db/drivers/pick-driver";
import { PSEUDO_LOCALE, localizedPath, splitLocale } from "@/lib/domain/locale";
import { parseEnv } from "@/lib/env";
import { startAppServer } from "../helpers/app-server";
import { onePerKind, sitemapPaths } from "./pages/sitemap";
import { axeViolations } from "./pages/axe";

// Arabic or Hebrew should need translators, not layout work. The right-to-left test language
// (ar-XB: English accented, a third longer and written right to left) is served by a server
// started with PSEUDO_LOCALES=on; every public page in it, at a phone's width, must be written
// right to left, pass the accessibility scan and fit the screen.

const PHONE_WIDTH = 390;
test.use({ viewport: { width: PHONE_WIDTH, height: 844 } });

const RLO = "\u202e";

/**
 * What sticks out past the screen's sides: elements drawn wider than the page, not counting what
 * is cut off on purpose (visually hidden text, the honeypot: boxes of a pixel or none that hide
 * their overflow) or kept inside a box that scrolls sideways (that box is checked itself).
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipsAway = (element: Element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return style.overflow !== "visible" && (box.width <= 1 || box.height <= 1);
    };
    const scrollsSideways = (element: Element) =>
      element !== document.body && ["auto", "scroll"].includes(getComputedStyle(element).overflowX);
    const found: string[] = [];
    for (const element of document.body.querySelectorAll("*")) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.left >= -1 && box.right <= width + 1) continue;
      let ancestor = element.parentElement;
      let isExcused = clipsAway(element);
      while (ancestor && ancestor !== document.body && !isExcused) {
        isExcused = clipsAway(ancestor) || scrollsSideways(ancestor);
        ancestor = ancestor.parentElement;
      }
      if (isExcused) continue;
      const name = `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`;
      found.push(`${name} from ${Math.round(box.left)} to ${Math.round(box.right)} of ${width}`);
    }
    return found;
  });
}

test("every public page works right to left, passes the accessibility scan and fits a phone", async ({
  page,
}) => {
  // A guard against a hang: some fifteen pages, each scanned by axe, on two loaded cores.
  test.setTimeout(600_000);
  // On the embedded database the server needs a data directory of its own (one process per
  // directory); it migrates and seeds it as it starts. On Postgres it reads the suite's database.
  const dataDir =
    pickDriver(parseEnv(process.env)) === "pg"
      ? null
      : fs.mkdtempSync(path.join(os.tmpdir(), "upstand-e2e-rtl-"));
  const app = await startAppServer({ PSEUDO_LOCALES: "on", ...(dataDir ? { DATA_DIR: dataDir } : {}) });
  try {
    // The sitemap lists each page in every offered language: each once, by its default address.
    const everyPage = [
      ...new Set(
        onePerKind(await sitemapPaths(page.request, app.url)).map((path) => splitLocale(path).pathname),
      ),
    ];
    expect(everyPage).toEqual(expect.arrayContaining(["/", "/story", "/help", "/about", "/privacy"]));
    // And the pages a wrong address or an emailed link that no longer works lands on.
    const paths = [
      ...everyPage,
      "/nope",
      "/confirm/not-a-real-token",
      "/withdraw/not-a-real-token",
      "/unsubscribe/not-a-real-token",
      "/fulfil/not-a-real-token",
      "/comment-reported?outcome=counted",
    ].map((pathname) => localizedPath(PSEUDO_LOCALE, pathname));
    expect(paths.filter((pathname) => /\/(petition|pledge)\//.test(pathname))).toHaveLength(2);
    for (const pathname of paths) {
      const response = await page.goto(`${app.url}${pathname}`);
      expect(response?.status(), pathname).toBeLessThan(500);
      await expect(page.locator("html"), pathname).toHaveAttribute("lang", PSEUDO_LOCALE);
      await expect(page.locator("html"), pathname).toHaveAttribute("dir", "rtl");
      // The site's own words are the test language's, not English's.
      await expect(page.getByRole("contentinfo"), pathname).toContainText(RLO);

      expect(await axeViolations(page), pathname).toEqual([]);

      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth, `${pathname} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
      expect(await overflowing(page), pathname).toEqual([]);
    }
  } finally {
    await app.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test("without the test setting the right-to-left test language is not a page, and is never offered", async ({
  page,
  request,
}) => {
  for (const pathname of ["/ar-XB", "/ar-XB/story", "/ar-XB/help"]) {
    expect((await request.get(pathname)).status(), pathname).toBe(404);
  }
  expect(await (await request.get("/sitemap.xml")).text()).not.toContain(PSEUDO_LOCALE);
  await page.goto("/");
  await expect(page.locator('head link[rel="alternate"][hreflang="ar-XB"]')).toHaveCount(0);
  await expect(page.locator('a[href^="/ar-XB"]')).toHaveCount(0);
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
});
