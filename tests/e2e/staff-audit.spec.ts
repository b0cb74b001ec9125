import { expect, test } from "@playwright/test";
import { E2E_STAFF } from "./fixtures";
import { expectSignedIn, signInWithPassword } from "./pages/staff";

// The audit log as an admin reads it: each entry a sentence that names what was done to what,
// linking to it, and a page that fits a phone.

const slug = "e2e-audit";

test("an admin's changes read as sentences naming the signer and the petition, linked, and the log fits a phone", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const signed = await request.post(`/api/petitions/${slug}/signatures`, {
    headers: { "X-Real-IP": "10.91.0.1" },
    data: {
      firstName: "Audra",
      lastName: "Logwell",
      email: "audra.logwell@example.org",
      country: "US",
      postalCode: "20500",
      acceptsPrivacy: true,
    },
  });
  expect(signed.status()).toBe(202);

  await signInWithPassword(page, E2E_STAFF.admin.email);
  await expectSignedIn(page, E2E_STAFF.admin.email);
  await page.goto(
    `/staff/signatures?${new URLSearchParams({ scope: `petition:${slug}`, email: "audra.logwell" })}`,
  );
  await page.getByTestId("supporters").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Signature of Audra Logwell");
  const signaturePath = new URL(page.url()).pathname;
  await page.getByLabel("Reason").fill("Signed twice under two addresses");
  await page.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(page.getByTestId("supporter-state")).toHaveText("rejected");

  await page.goto(`/staff/content/petitions/${slug}`);
  await page.getByLabel("Goal (optional)").fill("4,321");
  await page.getByRole("button", { name: "Save the petition" }).click();
  await expect(page.getByTestId("petition-status")).toContainText("Saved: goal");

  await page.getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Who (email)").fill(E2E_STAFF.admin.email);
  await page.getByRole("button", { name: "Show" }).click();
  const log = page.getByTestId("audit-log");
  const rejection = log.getByRole("listitem").filter({ hasText: "Audra L.’s signature" }).filter({
    hasText: "from pending to rejected",
  });
  await expect(rejection).toContainText(
    /Changed Audra L\.’s signature on “[^”]+\(e2e-audit\)” from pending to rejected/,
  );
  await expect(rejection).toContainText("Reason");
  await expect(rejection).toContainText("Signed twice under two addresses");
  await expect(rejection).toContainText(E2E_STAFF.admin.email);
  await expect(rejection).toContainText("UTC");
  // The signer is named by first name and initial only, never by email or surname.
  await expect(rejection).not.toContainText("audra.logwell");
  await expect(rejection).not.toContainText("Logwell");

  const edit = log
    .getByRole("listitem")
    .filter({ hasText: /Edited the petition “[^”]+\(e2e-audit\)”: goal/ });
  await expect(edit.first()).toContainText("Goal");
  await expect(edit.first()).toContainText("4,321");
  await expect(edit.first().getByRole("link", { name: /\(e2e-audit\)/ })).toHaveAttribute(
    "href",
    `/staff/content/petitions/${slug}`,
  );

  const logText = (await log.textContent()) ?? "";
  expect(logText).not.toMatch(/\bnull\b|undefined|[{}]/);

  // At a phone's width nothing makes the page scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/staff/audit");
  await expect(log.getByRole("listitem").first()).toBeVisible();
  const widths = await page.evaluate(() => {
    const scroller = document.scrollingElement!;
    return { scroll: scroller.scrollWidth, client: scroller.clientWidth };
  });
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);

  // The signer's name goes to their signature's page.
  await page.goto(`/staff/audit?${new URLSearchParams({ actor: E2E_STAFF.admin.email })}`);
  await rejection.first().getByRole("link", { name: "Audra L.’s signature" }).click();
  await expect(page).toHaveURL(new RegExp(`${signaturePath}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Signature of Audra Logwell");
});
