import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { E2E_STAFF } from "./fixtures";
import { axeViolations } from "./pages/axe";
import { expectSignedIn, signInWithPassword } from "./pages/staff";

// At a phone's width, as the console is checked elsewhere: the key must fit and be copyable there too.
test.use({ viewport: { width: 390, height: 844 } });

test("an admin makes a key, sees it once, and revokes it after confirming", async ({ page }) => {
  const name = `CRM sync ${randomUUID().slice(0, 8)}`;
  await signInWithPassword(page, E2E_STAFF.admin.email);
  await expectSignedIn(page, E2E_STAFF.admin.email);
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API keys");

  // Nothing chosen: the errors sit on their fields, as on the console's other forms.
  await page.getByRole("button", { name: "Make the key" }).click();
  await expect(page.getByLabel("Name")).toHaveAccessibleDescription(/Name the key/);
  await expect(page.getByRole("group", { name: "What it may do" })).toHaveAccessibleDescription(
    "Choose at least one thing the key may do",
  );

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Read people and their signatures").check();
  await page.getByLabel("Read petitions and their totals").check();
  await page.getByRole("button", { name: "Make the key" }).click();
  const made = page.getByTestId("made-key");
  await expect(made).toContainText("you will not see it again");
  const key = await made.getByLabel("API key").inputValue();
  expect(key).toMatch(/^upk_[\w-]{43}$/);
  const prefix = key.slice(0, 12);

  const row = page.getByTestId("api-keys").getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(prefix);
  await expect(row).toContainText("read:petitions, read:people");
  await expect(row).toContainText("never");
  expect(await axeViolations(page, "API keys with a new key")).toEqual([]);
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    clientWidth: document.scrollingElement!.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);

  // Shown once: the page, opened again, lists the key by its prefix and nothing more of it.
  await page.reload();
  await expect(row).toContainText(prefix);
  await expect(page.getByTestId("made-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key.slice(12));

  await row.getByRole("button", { name: `Revoke ${prefix} (${name})…` }).click();
  await expect(row.getByText(`Revoke ${prefix} (“${name}”)?`)).toBeFocused();
  await row.getByRole("button", { name: "Cancel" }).click();
  await expect(row.getByRole("button", { name: `Revoke ${prefix} (${name})…` })).toBeFocused();
  await row.getByRole("button", { name: `Revoke ${prefix} (${name})…` }).click();
  await row.getByRole("button", { name: "Yes, revoke it" }).click();
  await expect(row).toContainText(`Revoked`);
  await expect(row).toContainText(`by ${E2E_STAFF.admin.email}`);

  await page.goto("/staff/audit?action=apikey.revoke");
  await expect(page.getByRole("main")).toContainText(`Revoked the API key ${prefix} “${name}”`);
});

test("an admin makes a key for a partner's form, attesting the privacy notice it asks agreement to", async ({
  page,
}) => {
  const name = `Partner form ${randomUUID().slice(0, 8)}`;
  const notice = "https://partner.example.org/privacy";
  await signInWithPassword(page, E2E_STAFF.admin.email);
  await expectSignedIn(page, E2E_STAFF.admin.email);
  await page.goto("/staff/api-keys");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Read petitions and their totals").check();
  await page.getByLabel("Address of the partner's privacy notice (optional)").fill(notice);
  await page.getByRole("button", { name: "Make the key" }).click();
  // Only a key that records signatures takes one, and only with the agreement confirmed.
  await expect(
    page.getByLabel("Address of the partner's privacy notice (optional)"),
  ).toHaveAccessibleDescription(/only on a key that records signatures/);
  await page.getByLabel("Record signatures").check();
  await page.getByRole("button", { name: "Make the key" }).click();
  await expect(page.getByLabel(/I confirm the partner.s form shows this notice/)).toHaveAccessibleDescription(
    /asks supporters to agree/,
  );
  await page.getByLabel(/I confirm the partner.s form shows this notice/).check();
  await page.getByRole("button", { name: "Make the key" }).click();
  await expect(page.getByTestId("made-key")).toContainText(name);

  const row = page.getByTestId("api-keys").getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("read:petitions, write:signatures");
  await expect(row).toContainText(`Consent: ${notice}, attested by ${E2E_STAFF.admin.email}`);
});

test("an editor is not offered API keys, and is refused the page", async ({ page }) => {
  await signInWithPassword(page, E2E_STAFF.editor.email);
  await expectSignedIn(page, E2E_STAFF.editor.email);
  await expect(page.getByRole("navigation", { name: "Staff console" })).toBeVisible();
  await expect(page.getByRole("link", { name: "API keys" })).toHaveCount(0);
  const response = await page.goto("/staff/api-keys");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("Make the key")).toHaveCount(0);
});
