import { expect, type Browser, type Page } from "@playwright/test";
import { E2E_STAFF_PASSWORD } from "../fixtures";
import { linkIn, waitForMailTo } from "./mailbox";

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

/** A browser of its own for a person at one client address (the e2e server trusts X-Real-IP). */
export async function pageAt(browser: Browser, ip: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Real-IP": ip } });
  return context.newPage();
}

/** Asks for a sign-in link on the sign-in page, opens it from the dev mailbox, and presses Sign in. */
export async function signInWithEmailedLink(page: Page, email: string) {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address for a link").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByTestId("link-status")).toContainText("If this address belongs to a member of staff");
  await page.goto(linkIn(await waitForMailTo(page.request, email), "/staff/sign-in/link/"));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}
