import { expect, test } from "@playwright/test";
import { OFFERED_LOCALES } from "@/lib/domain/locale";

test(
  "each public page has a Spanish address; the switcher leads back to the same page in English",
  { tag: "@phone" },
  async ({ page }) => {
    await page.goto("/es/story/who-thorn-is");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    // The header's links stay in Spanish addresses.
    const header = page.getByRole("navigation", { name: "Main" });
    await expect(header.getByRole("link").first()).toHaveAttribute("href", "/es/story");
    await header.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/story\/who-thorn-is$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  },
);

test("search engines find each offered language's version, and the default language has one address", async ({
  page,
  request,
}) => {
  await page.goto("/petition/protect-children-online");
  const origin = new URL(page.url()).origin;
  const alternate = (lang: string) => page.locator(`head link[rel="alternate"][hreflang="${lang}"]`);
  await expect(alternate("en")).toHaveAttribute("href", `${origin}/petition/protect-children-online`);
  await expect(alternate("x-default")).toHaveAttribute("href", `${origin}/petition/protect-children-online`);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute(
    "href",
    `${origin}/petition/protect-children-online`,
  );
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`${origin}/story/who-thorn-is</loc>`);

  // Until Spanish is complete it is served but not offered: no switcher link to it, no alternate,
  // not in the sitemap, and kept out of search engines.
  expect(OFFERED_LOCALES).not.toContain("es");
  await expect(alternate("es")).toHaveCount(0);
  await expect(page.getByTestId("language-switcher")).toHaveCount(0);
  expect(sitemap).not.toContain("/es/");
  await page.goto("/es/petition/protect-children-online");
  await expect(page.locator('head meta[name="robots"]')).toHaveAttribute("content", /noindex/);

  // /en/… is the same page as the root's: sent there, query and all, for good.
  const prefixed = await request.get("/en/story?source=radio", { maxRedirects: 0 });
  expect(prefixed.status()).toBe(308);
  expect(prefixed.headers()["location"]).toMatch(/^(https?:\/\/[^/]+)?\/story\?source=radio$/);
  expect((await request.get("/en", { maxRedirects: 0 })).headers()["location"]).toMatch(
    /^(https?:\/\/[^/]+)?\/$/,
  );
  // A page of an unknown language is not a page.
  expect((await request.get("/xx/story")).status()).toBe(404);
});
