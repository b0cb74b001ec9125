import { expect, test } from "@playwright/test";
import { inEveryLanguage, onePerKind, sitemapPaths } from "./pages/sitemap";

// A page that logs an error has gone wrong somewhere a reader cannot see: a failed request, or
// server and browser rendering different things (which also throws away what people typed).
test("no public page logs an error in the browser", async ({ page, request }) => {
  test.setTimeout(180_000);
  const paths = onePerKind(inEveryLanguage(await sitemapPaths(request)));
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
