import { expect, test, type Page } from "@playwright/test";
import { ESCAPE_TWICE_WITHIN_MS, NEUTRAL_SITE_URL } from "@/lib/content/leave-quickly";

// The neutral site is outside this machine's reach: answer for it with a stand-in page, so the
// test sees the browser arrive there.
async function standInForNeutralSite(page: Page) {
  await page.route(`${NEUTRAL_SITE_URL}**`, (route) =>
    route.fulfill({ contentType: "text/html", body: "<title>Weather</title><h1>Weather</h1>" }),
  );
}

test.describe("leave quickly", { tag: "@phone" }, () => {
  test.beforeEach(async ({ page }) => standInForNeutralSite(page));

  test("replaces the page with a neutral site, and Back does not return to it", async ({ page }) => {
    await page.goto("/help");
    await page.goto("/story/the-testimony");
    await page.getByRole("link", { name: /Leave quickly/ }).click();
    await expect(page).toHaveURL(NEUTRAL_SITE_URL);
    await page.goBack();
    await expect(page).not.toHaveURL(/\/story\/the-testimony/);
  });

  test("stays in view as the reader scrolls, without covering the page's first lines", async ({ page }) => {
    await page.goto("/story/the-testimony");
    const leave = page.getByRole("link", { name: /Leave quickly/ });
    const header = page.getByRole("banner");
    const main = page.getByRole("main");
    expect((await header.boundingBox())!.y + (await header.boundingBox())!.height).toBeLessThanOrEqual(
      (await main.boundingBox())!.y,
    );
    await page.getByRole("heading", { name: "Help and reporting" }).scrollIntoViewIfNeeded();
    await expect(leave).toBeInViewport();
    await leave.click();
    await expect(page).toHaveURL(NEUTRAL_SITE_URL);
  });

  test("pressing Escape twice leaves", async ({ page }) => {
    await page.goto("/story/who-thorn-is");
    // The shortcut needs the page's script; the link itself works before it arrives.
    await page.waitForLoadState("networkidle");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(NEUTRAL_SITE_URL);
  });

  test("one press of Escape does not, nor two further apart than the shortcut's window", async ({ page }) => {
    // The page's clock, moved by the test: the window is the subject here, not something to wait out.
    await page.clock.install();
    await page.goto("/story/who-thorn-is");
    await page.waitForLoadState("networkidle");
    await page.keyboard.press("Escape");
    await page.clock.fastForward(ESCAPE_TWICE_WITHIN_MS + 100);
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/\/story\/who-thorn-is$/);
  });

  test("is the first control after the skip link and the site name, and works from the keyboard", async ({
    page,
  }) => {
    await page.goto("/story/the-figures");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: /Leave quickly/ })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(NEUTRAL_SITE_URL);
  });
});
