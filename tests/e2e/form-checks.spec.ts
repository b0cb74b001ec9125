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

test("on a Spanish page the forms point out mistakes in Spanish, in the browser and from the server without JavaScript", async ({
  page,
  browser,
}) => {
  const seen = await watch(page);
  const submit = (on: Page) =>
    on.locator('form[aria-labelledby="sign-heading"] button[type="submit"]').click();
  await page.goto("/es/petition/e2e-malformed");
  await page.locator("#firstName").fill("=cmd");
  await page.locator("#postalCode").fill("123");
  await submit(page);
  await expect(page.locator("#firstName")).toHaveAccessibleDescription(
    "Su nombre no puede comenzar con = + - o @",
  );
  await expect(page.locator("#postalCode")).toHaveAccessibleDescription(/código postal \(ZIP\) de 5 dígitos/);
  await expect(page.locator("#email")).toHaveAccessibleDescription(
    /Escriba un correo electrónico como nombre@ejemplo\.com/,
  );
  expect(seen.posts).toEqual([]);

  await page.goto("/es/pledge/do-my-part");
  await page.locator("form button.button-primary:visible").first().click();
  await expect(page.getByText("Elija al menos un compromiso")).toBeVisible();
  expect(seen.posts).toEqual([]);

  // Without JavaScript the server checks the same form and answers in the page's language.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto("/es/petition/e2e-malformed");
  await plain.locator("#firstName").fill("Ana");
  await plain.locator("#lastName").fill("www.example.com");
  await submit(plain);
  await expect(plain.locator("#lastName")).toHaveAccessibleDescription(
    "Su apellido no puede contener una dirección web",
  );
  await expect(plain.locator("#email")).toHaveAccessibleDescription(/Escriba un correo electrónico como/);
  await expect(plain.locator("#firstName")).toHaveValue("Ana");
  await context.close();
});
