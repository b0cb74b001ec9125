import { expect, test } from "@playwright/test";
import { E2E_STAFF } from "./fixtures";
import { linkIn, waitForMailTo } from "./pages/mailbox";
import { expectSignedIn, signInWithPassword } from "./pages/staff";

test("a viewer opens a petition's report: totals, charts per hour and day, sources and the confirmation rate", async ({
  page,
  request,
}) => {
  const slug = "e2e-report";
  for (const [i, email] of ["report.one@example.org", "report.two@example.org"].entries()) {
    const signed = await request.post(`/api/petitions/${slug}/signatures?source=radio`, {
      data: {
        firstName: "Report",
        lastName: "Signer",
        email,
        country: "CA",
        postalCode: "K1A 0B1",
        acceptsPrivacy: true,
      },
      headers: { "X-Real-IP": `10.88.0.${i + 1}` },
    });
    expect(signed.status()).toBe(202);
  }
  await page.goto(linkIn(await waitForMailTo(request, "report.one@example.org"), "/confirm/"));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByText("Your signature is confirmed")).toBeVisible();

  await signInWithPassword(page, E2E_STAFF.viewer.email);
  await expectSignedIn(page, E2E_STAFF.viewer.email);
  await page.getByRole("link", { name: new RegExp(`\\(${slug}\\)`) }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/reports/petition/${slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`(${slug})`);

  const totals = page.getByTestId("report-totals");
  await expect(totals).toContainText(/Confirmed\s*1/);
  await expect(totals).toContainText(/Waiting for email confirmation\s*1/);
  await expect(page.getByTestId("confirmation-rate")).toHaveText("50%");
  // Nobody has been reminded yet: one of two confirmed without a reminder, and none after one.
  await expect(page.getByTestId("rate-without-reminder")).toHaveText("50%");
  await expect(page.getByTestId("rate-with-reminder")).toHaveText("50%");
  await expect(page.getByTestId("reminder-effect")).toContainText("0 of 0 reminded");
  await expect(page.getByTestId("top-sources")).toContainText(/radio\s*2/);
  await expect(page.getByTestId("top-countries")).toContainText(/Canada\s*2/);

  for (const chart of ["per-hour", "per-day"]) {
    const figure = page.getByTestId(chart);
    await expect(figure.locator("svg.recharts-surface").first()).toBeVisible();
    await expect(figure.locator(".recharts-bar-rectangle path").first()).toBeVisible();
    await figure.getByText("The figures as a table").click();
    await expect(figure.getByRole("row").last().getByRole("cell")).toHaveText(["2", "1", "1"]);
  }
});
