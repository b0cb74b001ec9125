import { expect, test } from "@playwright/test";

// A page that logs an error has gone wrong somewhere a reader cannot see: a failed request, or
// server and browser rendering different things (which also throws away what people typed).
test("no public page logs an error in the browser", async ({ page, request }) => {
  test.setTimeout(180_000);
  const sitemap = await (await request.get("/sitemap.xml")).text();
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${page.url()}: ${message.text().slice(0, 200)}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message.slice(0, 200)}`));
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(problems).toEqual([]);
});
