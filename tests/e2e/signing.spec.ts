import { expect, test } from "@playwright/test";
import { axeViolations } from "./pages/axe";
import { linkIn, mailsTo, readMailbox, waitForMailTo } from "./pages/mailbox";
import { expectThankYou, signOnPage, totals } from "./pages/petition-page";

for (const javaScriptEnabled of [true, false]) {
  test.describe(
    javaScriptEnabled ? "signing, with JavaScript" : "signing, without JavaScript",
    { tag: "@phone" },
    () => {
      test.use({ javaScriptEnabled });

      test(
        "a supporter signs, confirms by email, and is counted once",
        { tag: "@engine" },
        async ({ page, request }, testInfo) => {
          const slug = `e2e-${javaScriptEnabled ? "journey" : "nojs"}-${testInfo.project.name}`;
          const email = `signer-${slug}@example.org`;
          const before = await totals(request, slug);

          await signOnPage(page, slug, {
            firstName: "Grace",
            lastName: "Hopper",
            email,
            postalCode: "20500",
            comment: "For every child.",
            isPublic: true,
          });
          await expectThankYou(page);
          // The thank-you takes the form's place, heading and all.
          await expect(page.getByRole("heading", { name: "Add your name" })).toHaveCount(0);
          if (javaScriptEnabled) {
            await expect(page.getByTestId("share-url")).toContainText(`/petition/${slug}?ref=`);
            await expect(page.getByRole("link", { name: /WhatsApp/ })).toHaveAttribute(
              "href",
              /wa\.me.*ref%3D/,
            );
            await expect(page.getByRole("link", { name: /take the pledge/ })).toBeVisible();
          }
          expect(await totals(request, slug)).toMatchObject({
            verified: before.verified,
            pending: before.pending + 1,
          });

          const mail = await waitForMailTo(request, email);
          expect(mail.subject).toMatch(/^Confirm your signature/);
          const confirmPath = linkIn(mail, "/confirm/");

          // Opening the link, as a mail scanner would, confirms nothing.
          await page.goto(confirmPath);
          await page.goto(confirmPath);
          await expect(page.getByRole("button", { name: "Confirm my signature" })).toBeVisible();
          expect((await totals(request, slug)).verified).toBe(before.verified);

          await page.getByRole("button", { name: "Confirm my signature" }).click();
          await expect(page.getByRole("heading", { name: "Your signature is confirmed" })).toBeVisible();
          expect(await totals(request, slug)).toMatchObject({
            verified: before.verified + 1,
            pending: before.pending,
          });

          // Confirming again is harmless.
          await page.goto(confirmPath);
          await expect(page.getByRole("heading", { name: "Your signature is confirmed" })).toBeVisible();
          expect((await totals(request, slug)).verified).toBe(before.verified + 1);
        },
      );
    },
  );
}

test(
  "the email lets a signer withdraw, which takes the signature out of the total",
  { tag: "@engine" },
  async ({ page, request }) => {
    const slug = "e2e-withdraw";
    const email = "withdrawing@example.org";
    await signOnPage(page, slug, { firstName: "Ida", lastName: "Wells", email, postalCode: "60601" });
    await expectThankYou(page);
    const mail = await waitForMailTo(request, email);
    await page.goto(linkIn(mail, "/confirm/"));
    await page.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(page.getByRole("heading", { name: "Your signature is confirmed" })).toBeVisible();
    const confirmed = await totals(request, slug);

    await page.goto(linkIn(mail, "/withdraw/"));
    await expect(page.getByRole("button", { name: "Withdraw my signature" })).toBeVisible();
    expect(await totals(request, slug)).toEqual(confirmed);
    await page.getByRole("button", { name: "Withdraw my signature" }).click();
    await expect(page.getByRole("heading", { name: "Your signature is withdrawn" })).toBeVisible();
    expect((await totals(request, slug)).verified).toBe(confirmed.verified - 1);
  },
);

for (const javaScriptEnabled of [true, false]) {
  test(
    `the postal code is marked as the chosen country needs it, from the first screen (${javaScriptEnabled ? "with" : "without"} JavaScript)`,
    { tag: "@phone" },
    async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto("/petition/e2e-malformed");
      // The United States is chosen from the start, and a US signature needs a ZIP code.
      await expect(page.getByLabel("Country", { exact: true })).toHaveValue("US");
      await expect(page.getByLabel("Postal code", { exact: true })).toBeVisible();
      await expect(page.getByLabel("Postal code (optional)")).toHaveCount(0);
      if (javaScriptEnabled) {
        await page.getByLabel("Country", { exact: true }).selectOption("FR");
        await expect(page.getByLabel("Postal code (optional)")).toBeVisible();
        await page.getByLabel("Country", { exact: true }).selectOption("US");
        await expect(page.getByLabel("Postal code", { exact: true })).toBeVisible();
      }
      await context.close();
    },
  );
}

test.describe("mistakes in the form", { tag: "@phone" }, () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`are explained next to their fields and announced (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto("/petition/e2e-malformed");
      await page.getByLabel("First name", { exact: true }).fill("=cmd");
      await page.getByLabel("Email address").fill("not-an-address");
      await page.getByLabel(/^Postal code/).fill("123");
      await page.getByRole("button", { name: "Sign the petition" }).click();

      await expect(page.getByTestId("form-status")).toContainText("need your attention");
      const firstName = page.getByLabel("First name", { exact: true });
      await expect(firstName).toHaveAttribute("aria-invalid", "true");
      await expect(firstName).toHaveAccessibleDescription("Your first name cannot start with = + - or @");
      await expect(page.getByLabel("Email address")).toHaveAccessibleDescription(
        /Enter an email address like name@example.com/,
      );
      await expect(page.getByLabel(/^Postal code/)).toHaveAccessibleDescription(
        "Enter a 5-digit ZIP code, like 20500",
      );
      await expect(page.getByText("Agree to the privacy notice to sign")).toBeVisible();
      // What was typed is kept.
      await expect(page.getByLabel("Email address")).toHaveValue("not-an-address");
      await context.close();
    });
  }
});

test("recent signers who chose to be shown appear with first name, last initial and place only", async ({
  page,
  request,
}) => {
  // The open counts below wait out the page's cache of them (up to 20 s), and axe scans a long page.
  test.setTimeout(120_000);
  const slug = "e2e-privacy";
  const email = "shown.signer@example.org";
  await signOnPage(page, slug, {
    firstName: "Rosa",
    lastName: "Parks",
    email,
    postalCode: "36104",
    comment: "Protect them.",
    isPublic: true,
  });
  await expectThankYou(page);
  // Someone else has the petition open: the new signer appears there without a reload.
  const watcher = await page.context().newPage();
  await watcher.goto(`/petition/${slug}`);
  await expect(watcher.getByTestId("live-total").first()).toBeVisible();
  await page.goto(linkIn(await waitForMailTo(request, email), "/confirm/"));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: "Your signature is confirmed" })).toBeVisible();

  const signers = watcher.getByTestId("recent-signers");
  await expect(signers).toContainText("Rosa P., Alabama, United States");
  await expect(signers).toContainText("“Protect them.”");
  await expect(signers).not.toContainText("Parks");
  await watcher.reload();
  await expect(watcher.getByTestId("recent-signers")).toContainText("Rosa P., Alabama, United States");
  expect(mailsTo(await readMailbox(request, email), email)).toHaveLength(1);

  // Where supporters are, and the momentum chart's words, once the page's figures catch up (they
  // are kept for some seconds, as the open counts API keeps them). Rosa is the only signer in
  // Alabama: the state is not named, she is counted with the other states too few to name.
  await expect(async () => {
    await watcher.reload();
    await expect(watcher.getByTestId("supporter-states")).toContainText("Other states or not known", {
      timeout: 1_000,
    });
  }).toPass({ timeout: 60_000 });
  await expect(watcher.getByRole("heading", { name: "Where supporters are" })).toBeVisible();
  await expect(watcher.getByTestId("supporter-states")).not.toContainText("Alabama");
  await expect(watcher.getByText(/near state lines may be counted in a neighbouring state/)).toBeVisible();
  await expect(watcher.getByTestId("momentum-summary")).toContainText(/in the last 7 days/);
  // The bars are hidden from screen readers; the table of the same figures is what they read.
  await expect(watcher.getByTestId("momentum").locator("svg")).toHaveAttribute("aria-hidden", "true");
  await expect(watcher.getByRole("table", { name: /over the last 30 days/ }).getByRole("row")).toHaveCount(
    31,
  );
  expect(await axeViolations(watcher)).toEqual([]);
});

test(
  "what someone types before the page has finished loading is kept",
  { tag: "@phone" },
  async ({ page }) => {
    // Hold the page's scripts back, as a slow phone connection would, while the form is filled in.
    let release: () => void = () => {};
    const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
      await scriptsMayLoad;
      await route.continue();
    });
    await page.goto("/petition/e2e-malformed", { waitUntil: "commit" });
    await page.getByLabel("First name", { exact: true }).fill("Early");
    await page.getByLabel("Email address").fill("early@example.org");
    await page.getByLabel(/I agree to the privacy notice/).check();
    release();
    await page.waitForLoadState("networkidle");

    await page.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page.getByLabel("Last name", { exact: true })).toHaveAccessibleDescription(
      "Enter your last name",
    );
    await expect(page.getByLabel("First name", { exact: true })).toHaveValue("Early");
    await expect(page.getByLabel("Email address")).toHaveValue("early@example.org");
    await expect(page.getByLabel(/I agree to the privacy notice/)).toBeChecked();
    await expect(page.getByText("Agree to the privacy notice to sign")).toHaveCount(0);
  },
);
