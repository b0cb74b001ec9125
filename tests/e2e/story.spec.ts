import { expect, test } from "@playwright/test";
import { DEMO_FIGURES, DEMO_PETITION } from "@/db/demo-campaign";
import { DEMO_STORY } from "@/db/demo-story";
import { describeFigureSource } from "@/lib/domain/impact-figure";

test.describe("the story", () => {
  test(
    "a reader goes from the home page through every part of the story to the petition",
    { tag: "@phone" },
    async ({ page }) => {
      await page.goto("/");
      await page.getByRole("link", { name: "Read the story" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("The story");
      await expect(page.getByRole("complementary", { name: "Content note" })).toContainText(
        "describes no abuse in detail",
      );

      await page.getByRole("link", { name: /^Begin with part 1/ }).click();
      for (const [index, part] of DEMO_STORY.entries()) {
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(part.title);
        await expect(page.getByText(`part ${index + 1} of ${DEMO_STORY.length}`)).toBeVisible();
        await expect(page.getByRole("complementary", { name: "Content note" })).toBeVisible();
        const next = DEMO_STORY[index + 1];
        if (next) await page.getByRole("link", { name: new RegExp(`Next: part ${index + 2}`) }).click();
      }
      await page.getByRole("link", { name: /Add your name to the petition/ }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_PETITION.title);
      await expect(page.getByText(DEMO_PETITION.ask)).toBeVisible();
    },
  );

  test("previous and next keep the reader's place", { tag: "@phone" }, async ({ page }) => {
    const [first, second] = DEMO_STORY;
    await page.goto(`/story/${second!.slug}`);
    await page.getByRole("link", { name: /Previous: part 1/ }).click();
    await expect(page).toHaveURL(new RegExp(`/story/${first!.slug}$`));
    await expect(page.getByRole("link", { name: /Previous/ })).toHaveCount(0);
  });

  test("every figure on the figures page shows what it counts, its year and its source", async ({ page }) => {
    const figuresPage = DEMO_STORY.find((part) => part.slug === "the-figures")!;
    await page.goto(`/story/${figuresPage.slug}`);
    const figures = page.getByTestId("impact-figure");
    await expect(figures).toHaveCount(figuresPage.figureSlugs!.length);
    for (const slug of figuresPage.figureSlugs!) {
      const figure = DEMO_FIGURES.find((candidate) => candidate.slug === slug)!;
      const card = figures.filter({ hasText: figure.counts });
      await expect(card).toContainText(
        describeFigureSource({ ...figure, quotedBy: figure.quotedBy ?? null }),
      );
      await expect(card).toContainText(/2017|2018/);
    }
  });

  test("quotations are marked and attributed", async ({ page }) => {
    await page.goto("/story/the-testimony");
    const quotes = page.locator("figure blockquote");
    await expect(quotes.first()).toBeVisible();
    for (const caption of await page.locator("figure:has(blockquote) figcaption").allTextContents()) {
      expect(caption).toMatch(/Ashton Kutcher, .*\(.*20\d\d\)/);
    }
  });

  test("works by keyboard alone, with a visible focus", async ({ page }) => {
    await page.goto("/story/who-thorn-is");
    const next = page.getByRole("link", { name: /Next: part 2/ });
    for (
      let presses = 0;
      presses < 40 && !(await next.evaluate((el) => el === document.activeElement));
      presses++
    ) {
      await page.keyboard.press("Tab");
    }
    await expect(next).toBeFocused();
    const outline = await next.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_STORY[1]!.title);
  });
});
