import { expect, test, type Page } from "@playwright/test";

// The petition and pledge forms load their schemas once someone starts filling them in
// (components/forms/lazy-resolver.ts): they must still check in the browser before anything is
// sent, and must not trip the site's Content-Security-Policy (zod probing for eval did).

async function watch(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  return {
    posts,
    violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

test("the petition form points out mistakes before sending anything, within the site's CSP", async ({
  page,
}) => {
  const seen = await watch(page);
  await page.goto("/petition/e2e-malformed");
  await page.getByLabel("First name", { exact: true }).fill("=cmd");
  await page.getByLabel(/^Postal code/).fill("123");
  await page.getByRole("button", { name: "Sign the petition" }).click();

  await expect(page.getByTestId("form-status")).toContainText("need your attention");
  await expect(page.getByLabel("First name", { exact: true })).toHaveAccessibleDescription(
    "Your first name cannot start with = + - or @",
  );
  await expect(page.getByLabel(/^Postal code/)).toHaveAccessibleDescription(/Enter a 5-digit ZIP code/);
  expect(seen.posts).toEqual([]);
  expect(await seen.violations()).toEqual([]);
});

test("the pledge form checks each step before moving on, within the site's CSP", async ({ page }) => {
  const seen = await watch(page);
  await page.goto("/pledge/do-my-part");
  await page.getByRole("button", { name: "Next: your details" }).click();

  await expect(page.getByText("Choose at least one commitment")).toBeVisible();
  await expect(page.getByLabel("First name", { exact: true })).toBeHidden();
  expect(seen.posts).toEqual([]);
  expect(await seen.violations()).toEqual([]);
});
