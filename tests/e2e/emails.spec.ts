import { expect, test } from "@playwright/test";
import { E2E_STAFF } from "./fixtures";
import { linkIn, mailsTo, readMailbox, waitForMailTo, type Mail } from "./pages/mailbox";
import { expectThankYou, signOnPage, totals } from "./pages/petition-page";
import { expectSignedIn, pageAt, signInWithPassword } from "./pages/staff";
import { axeViolations } from "./pages/axe";

// What the emails say and what their links do, read from /dev/mailbox as a person reads their inbox.
// Each test signs from an address of its own (the e2e server trusts X-Real-IP), so that none is
// held back by the per-address signing limit another test in this file provoked.
const slug = "e2e-emails";

/** Waits until `count` emails have reached `address`; the newest first. */
async function mailsFor(request: Parameters<typeof readMailbox>[0], address: string, count: number) {
  let mails: Mail[] = [];
  await expect(async () => {
    mails = mailsTo(await readMailbox(request, address), address);
    expect(mails).toHaveLength(count);
  }).toPass({ timeout: 10_000 });
  return mails;
}

test("a confirmed signer who signs again is told it counts, and its withdraw link withdraws", async ({
  browser,
  request,
}) => {
  const page = await pageAt(browser, "10.77.0.1");
  const email = "emails-confirmed@example.org";
  const signer = { firstName: "Frances", lastName: "Perkins", email, postalCode: "10001" };
  await signOnPage(page, slug, signer);
  await expectThankYou(page);
  await page.goto(linkIn(await waitForMailTo(request, email), "/confirm/"));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: "Your signature is confirmed" })).toBeVisible();
  const confirmed = await totals(request, slug);

  // Signing again looks the same on the page; the email says what is true.
  await signOnPage(page, slug, signer);
  await expectThankYou(page);
  const [notice] = await mailsFor(request, email, 2);
  expect(notice!.subject).toMatch(/^You have already signed/);
  expect(notice!.body).toContain("is confirmed and counts once");
  expect(notice!.body).not.toMatch(/deleted|without confirmation/);

  await page.goto(linkIn(notice!, "/withdraw/"));
  await page.getByRole("button", { name: "Withdraw my signature" }).click();
  await expect(page.getByRole("heading", { name: "Your signature is withdrawn" })).toBeVisible();
  expect((await totals(request, slug)).verified).toBe(confirmed.verified - 1);
});

test("the stop-updates link asks first, then turns updates off, and staff see it", async ({
  page,
  request,
}) => {
  const email = "emails-updates@example.org";
  await signOnPage(page, slug, {
    firstName: "Bayard",
    lastName: "Rustin",
    email,
    postalCode: "10001",
    wantsUpdates: true,
  });
  await expectThankYou(page);
  const mail = await waitForMailTo(request, email);
  expect(mail.body).toMatch(/Stop updates from .+: https?:\/\/\S+\/unsubscribe\//);
  const unsubscribe = linkIn(mail, "/unsubscribe/");

  // Opening the link (as a mail scanner does) changes nothing: the page asks.
  await page.goto(unsubscribe);
  await page.reload();
  await expect(page.getByRole("heading", { name: /^Stop updates from .+\?$/ })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Stop updates" }).click();
  await expect(page.getByRole("heading", { name: "Updates are off" })).toBeVisible();

  await signInWithPassword(page, E2E_STAFF.admin.email);
  await expectSignedIn(page, E2E_STAFF.admin.email);
  await page.goto(`/staff/signatures?scope=petition:${slug}&email=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: "Bayard Rustin" }).click();
  await expect(page.locator('dt:text-is("Wants updates") + dd')).toHaveText("no");
});

test("a mail program's one-click unsubscribe (RFC 8058) turns updates off without a page", async ({
  browser,
  request,
}) => {
  const page = await pageAt(browser, "10.77.0.3");
  const email = "emails-one-click@example.org";
  await signOnPage(page, slug, {
    firstName: "Ella",
    lastName: "Baker",
    email,
    postalCode: "10001",
    wantsUpdates: true,
  });
  await expectThankYou(page);
  const token = linkIn(await waitForMailTo(request, email), "/unsubscribe/")
    .split("/")
    .pop()!;
  const response = await request.post(`/api/links/unsubscribe?token=${token}`, {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(response.status()).toBe(200);
  expect(await response.text()).toMatch(/^Updates are off\./);
  await page.goto(`/unsubscribe/${token}`);
  await expect(page.getByRole("heading", { name: "Updates are off" })).toBeVisible();
});

test("the mailbox shows an email's HTML part, a name's markup as text, with no script run", async ({
  page,
}) => {
  const email = "emails-html@example.org";
  await signOnPage(page, slug, {
    firstName: "<script>parent.document.title='pwned'</script>",
    lastName: "Tester",
    email,
    postalCode: "10001",
  });
  await expectThankYou(page);
  await waitForMailTo(page.request, email);
  await page.goto(`/dev/mailbox?q=${encodeURIComponent(email)}`);
  await page.getByText("HTML version").click();
  const frame = page.frameLocator('[data-testid="mail-html"]');
  await expect(frame.getByRole("heading", { level: 1, name: "Confirm your signature" })).toBeVisible();
  await expect(frame.getByText("Hello <script>parent.document.title='pwned'</script>,")).toBeVisible();
  await expect(frame.getByRole("link", { name: "Confirm your signature" })).toHaveAttribute(
    "href",
    /\/confirm\/[\w-]{43}$/,
  );
  await expect(page.getByTestId("mail-html")).toHaveAttribute("sandbox", "");
  await expect(page).not.toHaveTitle("pwned");

  // The email itself, opened as a page of its own: no accessibility violation.
  const html = await page.getByTestId("mail-html").getAttribute("srcdoc");
  await page.setContent(html!);
  expect(await axeViolations(page)).toEqual([]);
});
