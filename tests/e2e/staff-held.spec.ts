import { expect, test } from "@playwright/test";
import { E2E_STAFF } from "./fixtures";
import { linkIn, waitForMailTo } from "./pages/mailbox";
import { totals } from "./pages/petition-page";
import { expectSignedIn, signInWithPassword } from "./pages/staff";

test("more people on a shared address are held, not dropped: emailed, told, and counted once an editor releases the group", async ({
  page,
  request,
}) => {
  const slug = "e2e-held";
  // An office network: one address, colleagues signing together.
  const ip = "10.66.6.6";
  const colleagues = [
    ["Ines", "ines.at.office@example.org"],
    ["Omar", "omar.at.office@example.org"],
    ["Pat", "pat.at.office@example.org"],
  ] as const;
  const before = await totals(request, slug);
  // Back to back: the limit (one a minute) counts in clock minutes, so of three signed within a
  // second at least two share a minute, and at least one of them is held.
  for (const [firstName, email] of colleagues) {
    const response = await request.post(`/api/petitions/${slug}/signatures`, {
      headers: { "X-Real-IP": ip },
      data: {
        firstName,
        lastName: "Colleague",
        email,
        country: "US",
        postalCode: "20500",
        acceptsPrivacy: true,
      },
    });
    expect(response.status()).toBe(202);
  }
  const heldNames: string[] = [];
  for (const [firstName, email] of colleagues) {
    await page.goto(linkIn(await waitForMailTo(request, email), "/confirm/"));
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByRole("heading", { name: "Your signature is confirmed" })).toBeVisible();
    // A held signer is told the truth: confirmed, and counted once checked.
    if (await page.getByText("so we check them before they join the public count").isVisible())
      heldNames.push(firstName);
  }
  const held = heldNames.length;
  expect(held).toBeGreaterThanOrEqual(1);
  expect((await totals(request, slug)).verified).toBe(before.verified + colleagues.length - held);
  await page.goto(`/petition/${slug}`);
  for (const name of heldNames) await expect(page.locator("body")).not.toContainText(name);

  await signInWithPassword(page, E2E_STAFF.editor.email);
  await expectSignedIn(page, E2E_STAFF.editor.email);
  await page
    .getByRole("navigation", { name: "Staff console" })
    .getByRole("link", { name: "Signatures" })
    .click();
  await page.getByRole("link", { name: "Held signatures" }).click();
  const addresses = page.getByTestId("held-address");
  const row = addresses.getByRole("row").filter({ hasText: `${ip}/32` });
  await expect(row).toContainText(/released \w{3} \d{1,2}, \d{4}, \d{2}:\d{2}:\d{2} UTC/);
  await row.getByRole("link", { name: /^Review/ }).click();
  await expect(page.getByTestId("held-preview-count")).toHaveText(
    new RegExp(`^Address ${ip}/32 holds ${held} on .+\\(${held} confirmed\\)$`),
  );
  for (const name of heldNames) await expect(page.getByTestId("supporters")).toContainText(name);

  await page.getByRole("button", { name: `Release ${held}` }).click();
  await expect(page.getByText("Give a reason")).toBeVisible();
  await page.getByLabel("Reason").fill("Colleagues at one office");
  await page.getByRole("button", { name: `Release ${held}` }).click();
  await expect(page.getByTestId("hold-status")).toHaveText(
    `Done for ${held}. ${held} joined the public total; the rest count once their owners confirm, or not at all if rejected.`,
  );
  expect((await totals(request, slug)).verified).toBe(before.verified + colleagues.length);
  await page.goto("/staff/signatures/held");
  await expect(
    page
      .getByTestId("held-address")
      .getByRole("row")
      .filter({ hasText: `${ip}/32` }),
  ).toHaveCount(0);
});
