import { expect, test } from "@playwright/test";

function pngSize(body: Buffer) {
  expect(body.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

// Each card's image and the text that describes it to people who cannot see it.
const CARDS = [
  { image: 'meta[property="og:image"]', alt: 'meta[property="og:image:alt"]' },
  { image: 'meta[name="twitter:image"]', alt: 'meta[name="twitter:image:alt"]' },
];

// The Spanish images too: their words are Spanish, accented letters included, and so is their alt
// text.
for (const { path, alt } of [
  { path: "/", alt: "The campaign's headline and its live count of verified signatures" },
  {
    path: "/story/the-testimony",
    alt: "The story page's title and the campaign's live count of verified signatures",
  },
  {
    path: "/petition/protect-children-online",
    alt: "The petition's title and its live count of verified signatures",
  },
  { path: "/es", alt: "El titular de la campaña y su recuento en vivo de firmas verificadas" },
  {
    path: "/es/story/the-testimony",
    alt: "El título de la página de la historia y el recuento en vivo de firmas verificadas de la campaña",
  },
  {
    path: "/es/petition/protect-children-online",
    alt: "El título de la petición y su recuento en vivo de firmas verificadas",
  },
]) {
  test(`${path} has Open Graph and Twitter images of 1200×630, described in its language`, async ({
    page,
    request,
  }) => {
    await page.goto(path);
    for (const card of CARDS) {
      const url = await page.locator(card.image).first().getAttribute("content");
      expect(url).toBeTruthy();
      const response = await request.get(new URL(url!).pathname);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
      expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
      await expect(page.locator(card.alt)).toHaveAttribute("content", alt);
    }
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /.+/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.+/);
  });
}

test("a made-up petition has no share image, as it has no page", async ({ page, request }) => {
  await page.goto("/petition/protect-children-online");
  const url = new URL((await page.locator(CARDS[0]!.image).first().getAttribute("content"))!);
  const madeUp = url.pathname.replace("/protect-children-online/", "/no-such-petition/");
  expect(madeUp).not.toBe(url.pathname);
  expect((await request.get(madeUp)).status()).toBe(404);
  expect((await request.get(url.pathname)).status()).toBe(200);
});

test("the sitemap lists every public page and robots.txt points to it", async ({ request }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  for (const path of [
    "/story/who-thorn-is",
    "/story/the-figures",
    "/petition/protect-children-online",
    "/help",
    "/privacy",
  ]) {
    expect(sitemap).toContain(`${path}</loc>`);
  }
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
  expect(robots).toContain("Disallow: /staff");
});
