import { expect, type Page } from "@playwright/test";
import { E2E_STAFF_PASSWORD } from "../fixtures";

/** Signs in on the staff sign-in page with a password, as a person would. */
export async function signInWithPassword(page: Page, email: string, password = E2E_STAFF_PASSWORD) {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function expectSignedIn(page: Page, email: string) {
  await expect(page.getByTestId("signed-in-as")).toContainText(email);
}
