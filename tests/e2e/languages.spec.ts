import { expect, test } from "@playwright/test";

test(
  "each public page has a Spanish address; the switcher keeps the reader on the same page",
  { tag: "@phone" },
  async ({ page }) => {
    await page.goto("/story/who-thorn-is?source=radio");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await page.getByTestId("language-switcher").getByRole("link", { name: "Español" }).click();
    await expect(page).toHaveURL(/\/es\/story\/who-thorn-is$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    // The header's links stay in Spanish addresses.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link").first()).toHaveAttribute(
      "href",
      "/es/story",
    );
    await page.getByTestId("language-switcher").getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/story\/who-thorn-is$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  },
);

test("search engines find each language's version, and the default language has one address", async ({
  page,
  request,
}) => {
  await page.goto("/es/petition/protect-children-online");
  const origin = new URL(page.url()).origin;
  const alternate = (lang: string) => page.locator(`head link[rel="alternate"][hreflang="${lang}"]`);
  await expect(alternate("en")).toHaveAttribute("href", `${origin}/petition/protect-children-online`);
  await expect(alternate("es")).toHaveAttribute("href", `${origin}/es/petition/protect-children-online`);
  await expect(alternate("x-default")).toHaveAttribute("href", `${origin}/petition/protect-children-online`);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute(
    "href",
    `${origin}/es/petition/protect-children-online`,
  );

  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`${origin}/es/story/who-thorn-is</loc>`);
  expect(sitemap).toContain(`${origin}/story/who-thorn-is</loc>`);
  expect(sitemap).toMatch(/hreflang="es"\s+href="[^"]*\/es\/help"/);

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
