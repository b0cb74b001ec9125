import { expect, test } from "@playwright/test";
import { DEMO_CAMPAIGN, DEMO_FIGURES } from "@/db/demo-campaign";
import { describeFigurePeriod, describeFigureSource, formatFigureValue } from "@/lib/domain/impact-figure";
import { E2E_SUPPORTERS } from "./fixtures";

test.describe("the home page", { tag: "@phone" }, () => {
  test("shows the campaign's headline", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_CAMPAIGN.headline);
  });

  test("writes the reported figures in the reader's language", async ({ page }) => {
    const compact = DEMO_FIGURES.find((figure) => figure.notation === "compact")!;
    const value = {
      value: compact.value,
      isLowerBound: !!compact.isLowerBound,
      notation: "compact",
    } as const;
    await page.goto("/es");
    const figures = page.getByTestId("impact-figure");
    await expect(figures.getByText(formatFigureValue(value, "es"), { exact: true })).toBeVisible();
    await expect(figures.getByText(formatFigureValue(value, "en"), { exact: true })).toHaveCount(0);
    await page.goto("/");
    await expect(figures.getByText(formatFigureValue(value, "en"), { exact: true })).toBeVisible();
  });

  test("shows each reported figure at a glance, dated, with one attribution for the set", async ({
    page,
  }) => {
    await page.goto("/");
    const figures = page.getByTestId("impact-figure");
    await expect(figures).toHaveCount(DEMO_FIGURES.length);
    for (const figure of DEMO_FIGURES) {
      const card = figures.filter({ hasText: figure.counts });
      await expect(card).toHaveCount(1);
      await expect(card).toContainText(
        formatFigureValue(
          {
            value: figure.value,
            isLowerBound: !!figure.isLowerBound,
            notation: figure.notation ?? "standard",
          },
          "en",
        ),
      );
      await expect(card.getByText(describeFigurePeriod(figure.period))).toBeVisible();
      // The full source and method are one tap away on each card, not repeated on all six.
      const source = describeFigureSource({
        period: figure.period,
        reportedBy: figure.reportedBy,
        reportedIn: figure.reportedIn,
        quotedBy: figure.quotedBy ?? null,
        method: figure.method,
      });
      await expect(card.getByText(source)).toBeHidden();
      await card.getByText(describeFigurePeriod(figure.period)).click();
      await expect(card.getByText(source)).toBeVisible();
      // ... and it leads to the figure's entry in the list of sources.
      const entry = page.locator(
        String(await card.getByRole("link", { name: "See the sources" }).getAttribute("href")),
      );
      await expect(entry).toContainText(`${figure.reportedBy}, ${figure.reportedIn}`);
    }
    const attribution = page.getByTestId("figure-attribution");
    await expect(attribution).toHaveCount(1);
    await expect(attribution).toContainText(`${DEMO_CAMPAIGN.causeName}'s own figures`);
    await expect(attribution).toContainText("self-reported");
    await expect(attribution.getByRole("link", { name: "www.thorn.org" })).toHaveAttribute(
      "href",
      DEMO_CAMPAIGN.causeUrl!,
    );
  });

  test("shows one live count beside the Sign button, and no staff-only number", async ({ page }) => {
    await page.goto("/");
    const count = page.getByTestId("live-total");
    await expect(count).toHaveCount(1);
    await expect(count).toContainText(
      new RegExp(`${E2E_SUPPORTERS.petition.verified}\\s*verified signatures`),
    );
    await expect(page.getByTestId("goal-progress")).toContainText(
      `${E2E_SUPPORTERS.petition.verified} of a goal of 100`,
    );
    // Signatures waiting for email confirmation are the staff's number, not the public's.
    await expect(page.locator("body")).not.toContainText(/waiting for (email )?confirmation|pending/i);
    // Reported figures are marked as such, never as live.
    await expect(page.getByTestId("impact-figure").filter({ hasText: "Live count" })).toHaveCount(0);
  });

  test("offers the ways to act", async ({ page }) => {
    await page.goto("/");
    // On the first screen, at any size.
    await expect(page.getByRole("link", { name: "Sign the petition" })).toBeInViewport();
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
