import { expect, test } from "@playwright/test";

function pngSize(body: Buffer) {
  expect(body.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

// The Spanish images too: their words are Spanish, accented letters included.
for (const path of [
  "/",
  "/story/the-testimony",
  "/petition/protect-children-online",
  "/es",
  "/es/story/the-testimony",
  "/es/petition/protect-children-online",
]) {
  test(`${path} has Open Graph and Twitter images of 1200×630`, async ({ page, request }) => {
    await page.goto(path);
    for (const property of ['meta[property="og:image"]', 'meta[name="twitter:image"]']) {
      const url = await page.locator(property).first().getAttribute("content");
      expect(url).toBeTruthy();
      const response = await request.get(new URL(url!).pathname);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("image/png");
      expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
    }
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", /.+/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /.+/);
  });
}

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
