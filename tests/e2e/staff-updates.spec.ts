import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_STAFF } from "./fixtures";
import { linkIn, mailsTo, readMailbox, waitForMailTo, type Mail } from "./pages/mailbox";
import { expectSignedIn, signInWithPassword } from "./pages/staff";

// An editor posts a decision-maker update with "email signers" ticked: it shows on the petition's
// page as a timeline, and reaches the signer who asked for updates (in their language, with the
// stop-updates link), and not the one who did not. Mail is read from /dev/mailbox, the e2e
// server's inbox.
const slug = "e2e-updates";
const WANTS = "updates.wants@example.org";
const QUIET = "updates.quiet@example.org";

/** Signs through the API from an address of its own, then confirms from the emailed link. */
async function signAndConfirm(
  page: Page,
  request: APIRequestContext,
  email: string,
  extra: { wantsUpdates?: boolean; preferred_language?: string },
  ip: string,
) {
  const signed = await request.post(`/api/petitions/${slug}/signatures`, {
    data: {
      firstName: "Rosa",
      lastName: "Parks",
      email,
      country: "US",
      postalCode: "36104",
      acceptsPrivacy: true,
      ...extra,
    },
    headers: { "X-Real-IP": ip },
  });
  expect(signed.status()).toBe(202);
  await page.goto(linkIn(await waitForMailTo(request, email), "/confirm/"));
  await page.getByRole("button", { name: /^(Confirm my signature|Confirmar mi firma)$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

// Two signers confirm, then staff post, then the public page and both inboxes are read: longer
// than one minute on a busy machine.
test.describe.configure({ timeout: 150_000 });

test("staff post an update with email: the page shows it, and only signers who asked for updates get it", async ({
  page,
  request,
}) => {
  await signAndConfirm(page, request, WANTS, { wantsUpdates: true, preferred_language: "es" }, "10.77.0.21");
  await signAndConfirm(page, request, QUIET, {}, "10.77.0.22");

  await signInWithPassword(page, E2E_STAFF.editor.email);
  await expectSignedIn(page, E2E_STAFF.editor.email);
  await page.getByRole("link", { name: "Updates", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Updates" })).toBeVisible();
  await page.getByRole("link", { name: new RegExp(`\\(${slug}\\)`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Updates on/ })).toBeVisible();
  const form = page.getByRole("form", { name: "Post an update" });
  await form.getByLabel("What happened").selectOption("hearing-scheduled");
  await form.getByLabel("Date it happened").fill("2026-11-20");
  await form.getByLabel("Date of the hearing").fill("2027-01-15");
  await form.getByLabel("Title", { exact: true }).fill("The committee will hear the bill");
  await form
    .getByLabel("Text", { exact: true })
    .fill("The Senate committee has set a hearing.\n\nWe will bring your names.");
  await form.getByLabel("Title in Spanish (optional)").fill("El comité escuchará el proyecto");
  await form.getByLabel(/^Email signers who asked for updates/).check();
  await form.getByRole("button", { name: "Post the update" }).click();
  await expect(page.getByTestId("post-update-status")).toHaveText("Posted. Emailed to 1 signer.");
  await expect(page.getByTestId("staff-update-emailed").first()).toContainText("Emailed to 1 signer");

  // The public page, on a 390 px phone: a timeline, dated with <time>, and nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  // Each instance keeps a rendered copy for up to 5 s and re-renders behind it (next.config.ts):
  // read until the fresh one is served.
  await expect(async () => {
    await page.goto(`/petition/${slug}`);
    await expect(page.getByRole("heading", { name: "Updates", exact: true })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000 });
  const entry = page.getByTestId("petition-updates").locator("ol > li").first();
  await expect(entry.getByRole("heading", { name: "The committee will hear the bill" })).toBeVisible();
  await expect(entry).toContainText("Hearing scheduled · November 20, 2026");
  await expect(entry.locator('time[datetime="2027-01-15"]')).toHaveText("January 15, 2027");
  await expect(entry).toContainText("We will bring your names.");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // In Spanish: the fixed words in Spanish, the title translated, the text as written (in English).
  await page.goto(`/es/petition/${slug}`);
  const spanish = page.getByTestId("petition-updates").locator("ol > li").first();
  await expect(spanish).toContainText("Audiencia programada · 20 de noviembre de 2026");
  await expect(spanish.getByRole("heading", { name: "El comité escuchará el proyecto" })).toBeVisible();
  await expect(spanish.locator('[lang="en"]')).toContainText("We will bring your names.");

  // The signer who asked for updates has it, in Spanish, with the stop-updates link.
  let update: Mail | undefined;
  await expect(async () => {
    update = mailsTo(await readMailbox(request, WANTS), WANTS).find((mail) =>
      mail.subject.startsWith("Audiencia programada"),
    );
    expect(update).toBeDefined();
  }).toPass({ timeout: 10_000 });
  expect(update!.subject).toBe("Audiencia programada: El comité escuchará el proyecto");
  expect(update!.body).toContain("La audiencia es el 15 de enero de 2027.");
  expect(update!.body).toMatch(/https?:\/\/\S+\/es\/unsubscribe\/[\w-]{43}/);
  await page.goto(linkIn(update!, "/unsubscribe/"));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // The one who did not ask has only their confirmation email.
  const quiet = mailsTo(await readMailbox(request, QUIET), QUIET);
  expect(quiet.map((mail) => mail.subject)).toEqual([expect.stringMatching(/^Confirm your signature/)]);
});
