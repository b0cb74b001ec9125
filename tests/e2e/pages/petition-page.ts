import { expect, type APIRequestContext, type Page } from "@playwright/test";

export interface Signer {
  firstName: string;
  lastName: string;
  email: string;
  country?: string;
  postalCode: string;
  comment?: string;
  isPublic?: boolean;
  wantsUpdates?: boolean;
}

export async function totals(request: APIRequestContext, slug: string) {
  return (await (await request.get(`/api/petitions/${slug}/totals`)).json()) as {
    verified: number;
    pending: number;
  };
}

/** Fills the petition form by its labels, as a person would, and sends it. */
export async function signOnPage(page: Page, slug: string, signer: Signer) {
  await page.goto(`/petition/${slug}?source=e2e&ref=friend123`);
  await page.getByLabel("First name", { exact: true }).fill(signer.firstName);
  await page.getByLabel("Last name", { exact: true }).fill(signer.lastName);
  await page.getByLabel("Email address").fill(signer.email);
  await page.getByLabel("Country", { exact: true }).selectOption(signer.country ?? "US");
  await page.getByLabel(/^Postal code/).fill(signer.postalCode);
  if (signer.comment) await page.getByLabel(/Why are you signing/).fill(signer.comment);
  if (signer.isPublic) await page.getByLabel(/Show my first name/).check();
  if (signer.wantsUpdates) await page.getByLabel("Keep me updated about this campaign by email").check();
  await page.getByLabel(/I agree to the privacy notice/).check();
  await page.getByRole("button", { name: "Sign the petition" }).click();
}

export async function expectThankYou(page: Page) {
  await expect(page.getByRole("heading", { name: /Now check your inbox/ })).toBeVisible();
}
