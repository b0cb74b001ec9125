import { expect, test, type Page } from "@playwright/test";
import { DEMO_PETITION } from "@/db/demo-campaign";
import { E2E_STAFF } from "./fixtures";
import { linkIn, waitForMailTo } from "./pages/mailbox";
import { expectSignedIn, signInWithPassword } from "./pages/staff";

test.use({ viewport: { width: 390, height: 844 } });

/** The console's link for each section, by the path's second segment. */
const SECTION_OF: Record<string, string> = {
  account: "Your account",
  content: "Content",
  signatures: "Signatures",
  comments: "Comments",
  export: "Export",
  delivery: "Delivery pack",
  team: "Team",
  "api-keys": "API keys",
  audit: "Audit log",
};

/** What a person on a phone notices first: the page slides sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    clientWidth: document.scrollingElement!.clientWidth,
  }));
  expect(scrollWidth, `${page.url()} is wider than the screen`).toBeLessThanOrEqual(clientWidth);
}

test("at 390 px every page of the console fits the screen, and the signatures list reads as cards", async ({
  page,
}) => {
  await signInWithPassword(page, E2E_STAFF.admin.email);
  await expectSignedIn(page, E2E_STAFF.admin.email);
  await expectNoSidewaysScroll(page);
  await expect(
    page.getByRole("navigation", { name: "Staff console" }).getByRole("link", { name: "Dashboard" }),
  ).toHaveAttribute("aria-current", "page");

  for (const [path, heading] of [
    ["/staff/account", "Your account"],
    ["/staff/content", "Content"],
    [`/staff/content/petitions/${DEMO_PETITION.slug}`, "Edit the petition"],
    ["/staff/signatures/held", "Held signatures"],
    ["/staff/signatures/bulk", "Reject in bulk"],
    ["/staff/comments", "Comments waiting for you"],
    ["/staff/export", "Export supporters"],
    ["/staff/delivery", "Delivery pack"],
    ["/staff/team", "Team"],
    ["/staff/api-keys", "API keys"],
    ["/staff/audit", "Audit log"],
    [`/staff/reports/petition/${DEMO_PETITION.slug}`, DEMO_PETITION.title],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
    await expectNoSidewaysScroll(page);
    // The console's links say which section this page is in (a report is in none of them).
    const current = page.getByRole("navigation", { name: "Staff console" }).locator("[aria-current=page]");
    if (path.startsWith("/staff/reports/")) await expect(current).toHaveCount(0);
    else await expect(current).toHaveText(SECTION_OF[path.split("/")[2]!]!);
  }

  await page.goto("/staff/signatures");
  await page.getByLabel("Look in").selectOption(`petition:${DEMO_PETITION.slug}`);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const results = page.getByTestId("supporters");
  await expect(results.getByRole("row").nth(1)).toBeVisible();
  await expectNoSidewaysScroll(page);
  // Each supporter is a card: their email sits below their name, whole, within the screen.
  const firstRow = results.locator("tbody tr").first();
  const name = await firstRow.getByRole("rowheader").boundingBox();
  const email = await firstRow.getByRole("cell").first().boundingBox();
  expect(email!.y).toBeGreaterThan(name!.y);
  expect(email!.x + email!.width).toBeLessThanOrEqual(390);

  await results.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page);
});

test("the dashboard shows each petition's confirmed signatures today and this week, and its pace to the goal", async ({
  page,
  request,
}) => {
  const slug = "e2e-dashboard";
  const email = "dashboard.signer@example.org";
  const signed = await request.post(`/api/petitions/${slug}/signatures`, {
    data: {
      firstName: "Dana",
      lastName: "Board",
      email,
      country: "US",
      postalCode: "20001",
      acceptsPrivacy: true,
    },
    headers: { "X-Real-IP": "10.89.0.1" },
  });
  expect(signed.status()).toBe(202);

  await signInWithPassword(page, E2E_STAFF.viewer.email);
  await expectSignedIn(page, E2E_STAFF.viewer.email);
  const card = page.getByTestId("action-progress").filter({ hasText: `(${slug})` });
  // Signed but not yet confirmed: waiting, not counted.
  await expect(card.getByTestId("today")).toHaveText("0");
  await expect(card).toContainText("Waiting for email confirmation: 1");

  await page.goto(linkIn(await waitForMailTo(request, email), "/confirm/"));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByText("Your signature is confirmed")).toBeVisible();

  await page.goto("/staff");
  await expect(card.getByTestId("verified")).toHaveText("1");
  await expect(card).toContainText("confirmed of a goal of 100 (1%)");
  await expect(card.getByTestId("today")).toHaveText("1");
  await expect(card.getByTestId("week")).toHaveText("1");
  await expect(card.getByTestId("trend")).toHaveText(
    "None the week before. At this week's pace (0.1 a day), the goal in about 693 days.",
  );
  await expect(card).toContainText("Waiting for email confirmation: 0");
  await expectNoSidewaysScroll(page);

  await card.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/staff/reports/petition/${slug}$`));
  // The legend names the series in the order the bars are drawn, in plain words.
  const perDay = page.getByTestId("per-day");
  await expect(perDay.getByTestId("legend").getByRole("listitem")).toHaveText([
    "Signed",
    "Of those, confirmed their email by now",
    "Of those, counted in the total now",
  ]);
  const barColors = await perDay
    .locator(".recharts-bar")
    .evaluateAll((bars) => bars.map((bar) => bar.querySelector("path")?.getAttribute("fill")));
  const legendColors = await perDay
    .getByTestId("legend")
    .locator("span")
    .evaluateAll((swatches) => swatches.map((swatch) => (swatch as HTMLElement).style.background));
  expect(barColors).toEqual(legendColors);
  await expectNoSidewaysScroll(page);
});
