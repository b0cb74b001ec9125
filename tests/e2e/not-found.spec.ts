import { expect, test } from "@playwright/test";
import { DEMO_CAMPAIGN } from "@/db/demo-campaign";

// An address that leads nowhere still carries the site: a way to leave quickly, help, and home.
for (const path of ["/nope", "/story/nope", "/petition/nope", "/pledge/nope", "/a/b/c"]) {
  test(`${path} answers 404 with the site's own page`, { tag: "@phone" }, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can't find that page");
    await expect(page.getByRole("link", { name: /Leave quickly/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "report.cybertip.org" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: "Get help" })).toHaveAttribute(
      "href",
      "/help",
    );
    await page.getByRole("link", { name: "Go to the home page" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_CAMPAIGN.headline);
  });
}
