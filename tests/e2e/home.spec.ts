import { expect, test } from "@playwright/test";
import { DEMO_CAMPAIGN, DEMO_FIGURES } from "@/db/demo-campaign";
import { describeFigureSource, formatFigureValue } from "@/lib/impact-figure";
import { E2E_SUPPORTERS } from "./fixtures";

test.describe("the home page", () => {
  test("shows the campaign's headline", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_CAMPAIGN.headline);
  });

  test("shows every reported figure with what it counts and its source", async ({ page }) => {
    await page.goto("/");
    const figures = page.getByTestId("impact-figure");
    await expect(figures).toHaveCount(DEMO_FIGURES.length);
    for (const figure of DEMO_FIGURES) {
      const card = figures.filter({ hasText: figure.counts });
      await expect(card).toHaveCount(1);
      await expect(card).toContainText(
        formatFigureValue({ value: figure.value, isLowerBound: !!figure.isLowerBound, notation: figure.notation ?? "standard" }),
      );
      await expect(card).toContainText(
        describeFigureSource({
          period: figure.period,
          reportedBy: figure.reportedBy,
          reportedIn: figure.reportedIn,
          quotedBy: figure.quotedBy ?? null,
          method: figure.method,
        }),
      );
    }
  });

  test("shows the live totals from the database, apart from the reported figures", async ({ page }) => {
    await page.goto("/");
    const totals = page.getByTestId("live-total");
    await expect(totals).toHaveCount(2);
    await expect(totals.filter({ hasText: "verified signatures" })).toHaveText(
      new RegExp(`^Live count\\s*${E2E_SUPPORTERS.petition.verified}\\s*verified signatures on `),
    );
    await expect(totals.filter({ hasText: "taken the pledge" })).toHaveText(
      new RegExp(`^Live count\\s*${E2E_SUPPORTERS.pledge.verified}\\s*people who have taken the pledge`),
    );
  });

  test("keeps help and reporting resources within reach", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Get help now" })).toBeVisible();
    await expect(page.getByRole("link", { name: "report.cybertip.org" })).toHaveAttribute(
      "href",
      "https://report.cybertip.org",
    );
    await expect(page.getByRole("link", { name: "1-800-422-4453" })).toHaveAttribute("href", "tel:+18004224453");
  });
});
