import { expect, test, type Page } from "@playwright/test";
import { linkIn, waitForMailTo } from "./pages/mailbox";
import { expectThankYou, signOnPage } from "./pages/petition-page";

type PledgeTotals = { verified: number; pending: number; commitments: { slug: string; verified: number }[] };

async function pledgeTotals(page: Page, slug: string): Promise<PledgeTotals> {
  return (await (await page.request.get(`/api/pledges/${slug}/totals`)).json()) as PledgeTotals;
}
const step = (page: Page) => new URL(page.url()).searchParams.get("step");

test(
  "the pledge in three steps: by keyboard, with Back, Forward and a reload, then confirmed by email",
  { tag: ["@phone", "@engine"] },
  async ({ page }, testInfo) => {
    const slug = `e2e-pledge-journey-${testInfo.project.name}`;
    const email = `pledger-${slug}@example.org`;
    const before = await pledgeTotals(page, slug);
    await page.goto(`/pledge/${slug}`);

    await expect(page.getByRole("heading", { name: /Step 1 of 3\s*Choose what you will do/ })).toBeVisible();
    await expect(page.getByLabel("First name", { exact: true })).toBeHidden();
    await page.getByRole("button", { name: "Next: your details" }).press("Enter");
    await expect(page.getByText("Choose at least one commitment")).toBeVisible();
    expect(step(page)).toBeNull();

    await page.getByLabel(/Learn how to report abuse material/).press("Space");
    await page.getByRole("button", { name: "Next: your details" }).press("Enter");
    await expect(page.getByRole("heading", { name: /Step 2 of 3\s*Your details/ })).toBeFocused();
    expect(step(page)).toBe("details");
    await page.getByLabel("First name", { exact: true }).fill("Ida");
    await page.getByLabel("Last name", { exact: true }).fill("Wells");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel(/^Postal code/).fill("60601");
    await page.getByLabel(/I agree to the privacy notice/).check();

    // Back and Forward move between steps and keep what was typed; so does a reload.
    await page.goBack();
    await expect(page.getByRole("heading", { name: /Choose what you will do/ })).toBeVisible();
    await expect(page.getByLabel(/Learn how to report abuse material/)).toBeChecked();
    await page.goForward();
    await expect(page.getByLabel("First name", { exact: true })).toHaveValue("Ida");
    await page.reload();
    expect(step(page)).toBe("details");
    await expect(page.getByLabel("Email address")).toHaveValue(email);
    await expect(page.getByLabel(/I agree to the privacy notice/)).toBeChecked();

    await page.getByRole("button", { name: "Next: check and send" }).press("Enter");
    await expect(page.getByRole("heading", { name: /Step 3 of 3\s*Check and send/ })).toBeFocused();
    const summary = page.getByTestId("pledge-summary");
    await expect(summary).toContainText("Learn how to report abuse material");
    await expect(summary).toContainText(`Ida Wells, ${email}`);
    await expect(summary).not.toContainText("Talk with the young people");
    await page.getByRole("button", { name: "Take the pledge" }).press("Enter");
    await expectThankYou(page);
    await expect(page.getByTestId("share-url")).toContainText(`/pledge/${slug}?ref=`);
    expect((await pledgeTotals(page, slug)).pending).toBe(before.pending + 1);

    const mail = await waitForMailTo(page.request, email);
    expect(mail.subject).toMatch(/^Confirm your pledge/);
    expect(mail.body).toContain("- Learn how to report abuse material");
    await page.goto(linkIn(mail, "/confirm/"));
    await page.getByRole("button", { name: "Confirm my pledge" }).click();
    await expect(page.getByRole("heading", { name: "Your pledge is confirmed" })).toBeVisible();
    const after = await pledgeTotals(page, slug);
    expect(after.verified).toBe(before.verified + 1);
    const taken = (totals: PledgeTotals) =>
      totals.commitments.find((c) => c.slug === "learn-to-report")!.verified;
    expect(taken(after)).toBe(taken(before) + 1);

    // A fresh visit starts again at the first step, with nothing left over.
    await page.goto(`/pledge/${slug}`);
    await expect(page.getByLabel(/Learn how to report abuse material/)).not.toBeChecked();
  },
);

test.describe("without JavaScript", { tag: "@phone" }, () => {
  test.use({ javaScriptEnabled: false });

  test("the pledge is one form with every step, and is taken with one press", async ({ page }, testInfo) => {
    const slug = `e2e-pledge-nojs-${testInfo.project.name}`;
    const before = await pledgeTotals(page, slug);
    await page.goto(`/pledge/${slug}`);
    await page.getByLabel(/Talk with the young people/).check();
    await page.getByLabel("First name", { exact: true }).fill("Bayard");
    await page.getByLabel("Last name", { exact: true }).fill("Rustin");
    await page.getByLabel("Email address").fill(`nojs-${slug}@example.org`);
    await page.getByLabel(/^Postal code/).fill("10001");
    await page.getByRole("button", { name: "Take the pledge" }).click();
    await expect(page.getByText("Agree to the privacy notice to take the pledge")).toBeVisible();
    await expect(page.getByLabel("First name", { exact: true })).toHaveValue("Bayard");
    await expect(page.getByLabel(/Talk with the young people/)).toBeChecked();
    await page.getByLabel(/I agree to the privacy notice/).check();
    await page.getByRole("button", { name: "Take the pledge" }).click();
    await expectThankYou(page);
    expect((await pledgeTotals(page, slug)).pending).toBe(before.pending + 1);
  });
});

test(
  "someone who has just signed the petition finds their details already filled in",
  { tag: "@phone" },
  async ({ page }, testInfo) => {
    const email = `prefill-${testInfo.project.name}@example.org`;
    await signOnPage(page, `e2e-pledge-prefill-${testInfo.project.name}`, {
      firstName: "Fannie",
      lastName: "Hamer",
      email,
      postalCode: "38751",
    });
    await expectThankYou(page);
    await page.getByRole("link", { name: /take the pledge/ }).click();
    await page.getByLabel(/Share this campaign with three people/).check();
    await page.getByRole("button", { name: "Next: your details" }).click();
    await expect(page.getByLabel("First name", { exact: true })).toHaveValue("Fannie");
    await expect(page.getByLabel("Email address")).toHaveValue(email);
    await expect(page.getByLabel(/^Postal code/)).toHaveValue("38751");
    // Consent is given afresh for each action, never carried over.
    await expect(page.getByLabel(/I agree to the privacy notice/)).not.toBeChecked();
  },
);

test("the takers API refuses what a pledge cannot be, and stores nothing", async ({ request }) => {
  const slug = "e2e-pledge-api";
  const read = async () => (await (await request.get(`/api/pledges/${slug}/totals`)).json()) as PledgeTotals;
  const before = await read();
  const valid = {
    firstName: "Ada",
    lastName: "Lovelace",
    email: "api-pledger@example.org",
    country: "GB",
    postalCode: "SW1A 1AA",
    acceptsPrivacy: true,
  };
  const post = (data: unknown, headers: Record<string, string> = {}) =>
    request.post(`/api/pledges/${slug}/takers`, {
      data: data as Record<string, unknown>,
      headers: { "X-Real-IP": "10.9.8.7", ...headers },
    });

  const none = await post({ ...valid, commitments: [] });
  expect(none.status()).toBe(400);
  expect((await none.json()).fieldErrors.commitments).toEqual(["Choose at least one commitment"]);
  const stranger = await post({ ...valid, commitments: ["learn-to-report", "climb-everest"] });
  expect(stranger.status()).toBe(400);
  expect((await stranger.json()).fieldErrors.commitments).toEqual(["Choose from the commitments listed"]);
  expect((await post({ ...valid, commitments: "learn-to-report" })).status()).toBe(400);
  expect((await post({ ...valid, email: "not-an-email", commitments: ["learn-to-report"] })).status()).toBe(
    400,
  );
  expect(
    (
      await request.post("/api/pledges/no-such-pledge/takers", {
        data: { ...valid, commitments: ["learn-to-report"] },
      })
    ).status(),
  ).toBe(404);
  expect(
    (
      await request.post(`/api/pledges/${slug}/takers`, {
        headers: { "Content-Type": "text/plain" },
        data: "commitments=learn-to-report",
      })
    ).status(),
  ).toBe(415);
  expect(await read()).toEqual(before);

  const taken = await post({ ...valid, commitments: ["learn-to-report"] });
  expect(taken.status()).toBe(202);
  expect((await taken.json()).message).toBe("Check the inbox of this address to confirm the pledge.");
  expect((await read()).pending).toBe(before.pending + 1);
});
