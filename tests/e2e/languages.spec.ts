import { expect, test } from "@playwright/test";

test(
  "each public page has a Spanish address; the switcher leads back to the same page in English",
  { tag: "@phone" },
  async ({ page }) => {
    await page.goto("/es/story/who-thorn-is");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    // The header's links stay in Spanish addresses.
    const header = page.getByRole("navigation", { name: "Principal" });
    await expect(header.getByRole("link").first()).toHaveAttribute("href", "/es/story");
    // Spanish words run longer than English ones: the header still fits a phone's screen.
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      clientWidth: document.scrollingElement!.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
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

  // Spanish is offered: a switcher link to the same page, an alternate, the sitemap, indexed.
  await expect(alternate("es")).toHaveAttribute("href", `${origin}/es/petition/protect-children-online`);
  await expect(page.getByTestId("language-switcher").getByRole("link", { name: "Español" })).toHaveAttribute(
    "href",
    "/es/petition/protect-children-online",
  );
  expect(sitemap).toContain(`${origin}/es/story/who-thorn-is</loc>`);
  expect(sitemap).toContain(`hreflang="es" href="${origin}/es/petition/protect-children-online"`);
  await page.goto("/es/petition/protect-children-online");
  await expect(page.locator('head meta[name="robots"]')).toHaveCount(0);
  await expect(alternate("en")).toHaveAttribute("href", `${origin}/petition/protect-children-online`);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute(
    "href",
    `${origin}/es/petition/protect-children-online`,
  );

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

test("the site's frame, the help page and the about page read in Spanish at /es, with links that stay in Spanish", async ({
  page,
}) => {
  await page.goto("/es/help");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ayuda y denuncias");
  await expect(page).toHaveTitle(/^Ayuda y denuncias/);
  await expect(page.getByRole("link", { name: /Salir rápido/ })).toBeVisible();
  const header = page.getByRole("navigation", { name: "Principal" });
  await expect(header.getByRole("link", { name: "Ayuda" })).toHaveAttribute("href", "/es/help");
  await expect(page.getByRole("main").getByTestId("help-resource").first()).toContainText(
    "Un niño o niña corre peligro inmediato",
  );
  // Each service with the languages it answers in, where it says so itself.
  await expect(
    page.getByRole("main").getByTestId("help-resource").filter({ hasText: "Childhelp" }),
  ).toContainText("Atiende en más de 170 idiomas con intérpretes");
  const footer = page.getByRole("contentinfo");
  await expect(footer.getByRole("heading", { name: "Ayuda y denuncias" })).toBeVisible();
  const footerLinks = footer.getByRole("navigation", { name: "Sitio" }).getByRole("link");
  await expect(footerLinks).toHaveText(["Acerca de Upstand", "Privacidad", "Sus datos", "Ayuda y denuncias"]);
  for (const href of await footerLinks.evaluateAll((links) =>
    links.map((link) => link.getAttribute("href")),
  )) {
    expect(href).toMatch(/^\/es\//);
  }

  await footer.getByRole("link", { name: "Acerca de Upstand" }).click();
  await expect(page).toHaveURL(/\/es\/about$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Acerca de Upstand");
  await expect(page.getByRole("main").getByRole("link", { name: "página de ayuda" })).toHaveAttribute(
    "href",
    "/es/help",
  );
});

test("an unknown Spanish address answers 404 with the not-found page in Spanish", async ({ page }) => {
  for (const path of ["/es/nope", "/es/petition/nope"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("No encontramos esa página");
    await expect(page.getByRole("main").getByRole("link", { name: "Pedir ayuda" })).toHaveAttribute(
      "href",
      "/es/help",
    );
    await expect(page.getByRole("link", { name: /Salir rápido/ })).toBeVisible();
  }
});

test("English pages keep their English words and addresses", async ({ page }) => {
  await page.goto("/about");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About Upstand");
  await expect(page.getByRole("link", { name: /Leave quickly/ })).toBeVisible();
  const footerLinks = page
    .getByRole("contentinfo")
    .getByRole("navigation", { name: "Site" })
    .getByRole("link");
  await expect(footerLinks).toHaveText(["About Upstand", "Privacy", "Your data", "Help and reporting"]);
  await expect(footerLinks.last()).toHaveAttribute("href", "/help");
});

test("translated pages are still rendered once and cached, not rendered for every request", async ({
  request,
}) => {
  for (const path of ["/es/help", "/es/about", "/help", "/about"]) {
    await request.get(path);
    expect((await request.get(path)).headers()["x-nextjs-cache"], path).toBe("HIT");
  }
});
