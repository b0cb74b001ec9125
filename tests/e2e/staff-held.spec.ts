import { expect, test } from "@playwright/test";
import { E2E_STAFF } from "./fixtures";
import { linkIn, waitForMailTo } from "./pages/mailbox";
import { totals } from "./pages/petition-page";
import { expectSignedIn, signInWithPassword } from "./pages/staff";

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the staff console is tested at desktop size");
});

test("a second person on a shared address is held, not dropped: emailed, told, and counted once an editor releases the group", async ({ page, request }) => {
  const slug = "e2e-held";
  // An office network: one address, two colleagues signing within the minute.
  const ip = "10.66.6.6";
  const person = (firstName: string, email: string) => ({ firstName, lastName: "Colleague", email, country: "US", postalCode: "20500", acceptsPrivacy: true });
  const before = await totals(request, slug);
  for (const [name, email] of [["Ines", "ines.at.office@example.org"], ["Omar", "omar.at.office@example.org"]] as const) {
    const response = await request.post(`/api/petitions/${slug}/signatures`, { headers: { "X-Real-IP": ip }, data: person(name, email) });
    expect(response.status()).toBe(202);
    await page.goto(linkIn(await waitForMailTo(request, email), "/confirm/"));
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByRole("heading", { name: "Your signature is confirmed" })).toBeVisible();
  }
  // Omar is told the truth: confirmed, and counted once checked.
  await expect(page.getByText("so we check them before they join the public count")).toBeVisible();
  expect((await totals(request, slug)).verified).toBe(before.verified + 1);
  await page.goto(`/petition/${slug}`);
  await expect(page.locator("body")).not.toContainText("Omar");

  await signInWithPassword(page, E2E_STAFF.editor.email);
  await expectSignedIn(page, E2E_STAFF.editor.email);
  await page.getByRole("navigation", { name: "Staff console" }).getByRole("link", { name: "Signatures" }).click();
  await page.getByRole("link", { name: "Held signatures" }).click();
  const addresses = page.getByTestId("held-address");
  const row = addresses.getByRole("row").filter({ hasText: `${ip}/32` });
  await expect(row).toContainText(/released \d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} UTC/);
  await row.getByRole("link", { name: /^Review/ }).click();
  await expect(page.getByTestId("held-preview-count")).toHaveText(new RegExp(`^Address ${ip}/32 holds 1 on .+\\(1 confirmed\\)$`));
  await expect(page.getByTestId("supporters")).toContainText("omar.at.office@example.org");
  await expect(page.getByTestId("supporters")).not.toContainText("ines.at.office@example.org");

  await page.getByRole("button", { name: "Release 1" }).click();
  await expect(page.getByText("Give a reason")).toBeVisible();
  await page.getByLabel("Reason").fill("Colleagues at one office");
  await page.getByRole("button", { name: "Release 1" }).click();
  await expect(page.getByTestId("hold-status")).toHaveText("Done for 1. 1 joined the public total; the rest count once their owners confirm, or not at all if rejected.");
  expect((await totals(request, slug)).verified).toBe(before.verified + 2);
  await page.goto("/staff/signatures/held");
  await expect(page.getByTestId("held-address").getByRole("row").filter({ hasText: `${ip}/32` })).toHaveCount(0);
});
