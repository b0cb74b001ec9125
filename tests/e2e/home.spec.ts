import { expect, test } from "@playwright/test";
import { DEMO_CAMPAIGN, DEMO_FIGURES } from "@/db/demo-campaign";
import { describeFigureSource, formatFigureValue } from "@/lib/domain/impact-figure";
import { E2E_SUPPORTERS } from "./fixtures";

test.describe("the home page", { tag: "@phone" }, () => {
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
        formatFigureValue({
          value: figure.value,
          isLowerBound: !!figure.isLowerBound,
          notation: figure.notation ?? "standard",
        }),
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
    await expect(totals).toHaveCount(3);
    await expect(totals.filter({ hasText: "verified signatures" })).toHaveText(
      `Live count${E2E_SUPPORTERS.petition.verified}verified signatures on the petition`,
    );
    await expect(totals.filter({ hasText: "waiting for email confirmation" })).toHaveText(
      `Live count${E2E_SUPPORTERS.petition.pending}signatures waiting for email confirmation`,
    );
    await expect(totals.filter({ hasText: "taken the pledge" })).toHaveText(
      `Live count${E2E_SUPPORTERS.pledge.verified}people who have taken the pledge`,
    );
    // Reported figures are marked as such, never as live.
    await expect(page.getByTestId("impact-figure").filter({ hasText: "Live count" })).toHaveCount(0);
  });

  test("offers the ways to act", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Sign the petition" })).toHaveAttribute(
      "href",
      /\/petition\//,
    );
    await expect(page.getByRole("link", { name: "Take the pledge" })).toHaveAttribute("href", /\/pledge\//);
  });

  test("keeps help and reporting resources within reach", async ({ page }) => {
    await page.goto("/");
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Get help" }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "report.cybertip.org" })).toHaveAttribute(
      "href",
      "https://report.cybertip.org",
    );
    await expect(page.getByRole("link", { name: "1-800-422-4453" })).toHaveAttribute(
      "href",
      "tel:+18004224453",
    );
  });
});
