import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { E2E_STAFF } from "./fixtures";
import { linkIn, waitForMailTo } from "./pages/mailbox";
import { signOnPage, totals } from "./pages/petition-page";
import { expectSignedIn, signInWithPassword } from "./pages/staff";
import { axeViolations } from "./pages/axe";

// Signers' comments: a counter instead of a silent cut, "Report this comment" for any reader,
// and the staff's review of what readers reported or what a petition holds back for approval.

/** A public signer with a comment, signed through the API from an address of its own, and confirmed. */
async function commentAs(
  request: APIRequestContext,
  page: Page,
  slug: string,
  { firstName, email, comment, ip }: { firstName: string; email: string; comment: string; ip: string },
) {
  const signed = await request.post(`/api/petitions/${slug}/signatures`, {
    headers: { "X-Real-IP": ip },
    data: {
      firstName,
      lastName: "Commenter",
      email,
      country: "US",
      postalCode: "20500",
      comment,
      isPublic: true,
      acceptsPrivacy: true,
    },
  });
  expect(signed.status()).toBe(202);
  await page.goto(linkIn(await waitForMailTo(request, email), "/confirm/"));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: "Your signature is confirmed" })).toBeVisible();
}

/** A reader of their own, at one address (the e2e server trusts X-Real-IP), with or without JavaScript. */
async function readerAt(browser: Browser, ip: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Real-IP": ip }, javaScriptEnabled });
  return context.newPage();
}

const signersList = (page: Page) => page.getByTestId("recent-signers");
const commentItem = (page: Page, comment: string) =>
  signersList(page).getByRole("listitem").filter({ hasText: comment });

async function commentIdOf(request: APIRequestContext, slug: string, comment: string): Promise<string> {
  const { recentSigners } = (await (await request.get(`/api/petitions/${slug}/totals`)).json()) as {
    recentSigners: { comment: string | null; commentId: string | null }[];
  };
  const id = recentSigners.find((signer) => signer.comment === comment)?.commentId;
  expect(id).toBeTruthy();
  return id!;
}

async function publicJson(request: APIRequestContext, slug: string): Promise<string> {
  return JSON.stringify(await (await request.get(`/api/petitions/${slug}/totals`)).json());
}

test("the comment box counts down and refuses an over-long comment with a message, without cutting it", async ({
  page,
  request,
}) => {
  const slug = "e2e-comment-limit";
  const before = await totals(request, slug);
  await page.goto(`/petition/${slug}`);
  const box = page.getByLabel(/Why are you signing/);
  await box.fill("a".repeat(440));
  await expect(page.locator("#comment-count")).toHaveText("60 characters left");
  // Far from the limit, a screen reader is not told at each key.
  await expect(page.getByTestId("comment-count-announcement")).toHaveText("");
  await box.fill("a".repeat(490));
  await expect(page.locator("#comment-count")).toHaveText("10 characters left");
  await expect(page.getByTestId("comment-count-announcement")).toHaveText("10 characters left");

  const tooLong = `${"Too long. ".repeat(60)}`;
  await signOnPage(page, slug, {
    firstName: "Long",
    lastName: "Writer",
    email: "long.writer@example.org",
    postalCode: "20500",
    comment: tooLong,
  });
  // Nothing was cut: all 600 characters are still there, and the person is told.
  await expect(box).toHaveValue(tooLong);
  await expect(page.locator("#comment-count")).toHaveText("100 characters too many");
  await expect(page.getByText("Keep your comment to 500 characters or fewer")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Now check your inbox/ })).toHaveCount(0);
  expect((await totals(request, slug)).pending).toBe(before.pending);
});

test("without JavaScript, an over-long comment is refused with a message and nothing is stored", async ({
  browser,
  request,
}) => {
  const slug = "e2e-comment-limit";
  const page = await readerAt(browser, "10.77.0.1", false);
  const before = await totals(request, slug);
  const tooLong = "x".repeat(600);
  await signOnPage(page, slug, {
    firstName: "Plain",
    lastName: "Poster",
    email: "plain.poster@example.org",
    postalCode: "20500",
    comment: tooLong,
  });
  await expect(page.getByText("Keep your comment to 500 characters or fewer")).toBeVisible();
  await expect(page.getByLabel(/Why are you signing/)).toHaveValue(tooLong);
  expect((await totals(request, slug)).pending).toBe(before.pending);
});

test("readers report a comment and after three different reporters it is gone; staff keep one and remove another, audited", async ({
  browser,
  page,
  request,
}) => {
  // Three axe scans besides the journey: on a loaded 2-core machine, well over the default.
  test.setTimeout(120_000);
  const slug = "e2e-comments";
  const kept = "Congress should act this year.";
  const removed = "A comment that readers report too.";
  await commentAs(request, page, slug, {
    firstName: "Kendra",
    email: "kendra@example.org",
    comment: kept,
    ip: "10.78.0.1",
  });
  await commentAs(request, page, slug, {
    firstName: "Ravi",
    email: "ravi@example.org",
    comment: removed,
    ip: "10.78.0.2",
  });

  // The first reader reports twice (and a second address in the same IPv6 /64 is the same reader).
  const first = await readerAt(browser, "2001:db8:77:1::1");
  await first.goto(`/petition/${slug}`);
  await commentItem(first, kept).getByRole("button", { name: "Report this comment" }).click();
  await expect(commentItem(first, kept)).toContainText("Your report is counted");
  const sameNetwork = await readerAt(browser, "2001:db8:77:1::beef");
  await sameNetwork.goto(`/petition/${slug}`);
  await commentItem(sameNetwork, kept).getByRole("button", { name: "Report this comment" }).click();
  await expect(commentItem(sameNetwork, kept)).toContainText("Your report is counted");

  const second = await readerAt(browser, "10.78.1.2");
  await second.goto(`/petition/${slug}`);
  await commentItem(second, kept).getByRole("button", { name: "Report this comment" }).click();
  await expect(commentItem(second, kept)).toContainText("Your report is counted");
  // Two reporters so far: still shown.
  expect(await publicJson(request, slug)).toContain(kept);

  // The third, without JavaScript: a plain form post, answered by a page that says what happened.
  const third = await readerAt(browser, "10.78.1.3", false);
  await third.goto(`/petition/${slug}`);
  await commentItem(third, kept).getByRole("button", { name: "Report this comment" }).click();
  await expect(third.getByRole("heading", { name: "Report received" })).toBeVisible();
  await expect(third.getByText("This comment is now hidden")).toBeVisible();
  // (axe runs in the page, so the page the form post lands on is scanned in a browser with JavaScript.)
  await second.goto(new URL(third.url()).pathname + new URL(third.url()).search);
  expect([
    ...(await axeViolations(first, "petition page with reports")),
    ...(await axeViolations(second, "report received")),
  ]).toEqual([]);

  // Gone from the open page (pushed by the live feed), from the public JSON, and from a fresh load.
  await expect(signersList(first)).not.toContainText(kept);
  await expect(signersList(first)).toContainText("Kendra");
  expect(await publicJson(request, slug)).not.toContain(kept);

  // The other comment is reported through the API, as the button sends it, from three addresses.
  const removedId = await commentIdOf(request, slug, removed);
  for (const ip of ["10.78.2.1", "10.78.2.2", "10.78.2.3"]) {
    const answer = await request.post(`/api/comments/${removedId}/reports`, {
      headers: { "X-Real-IP": ip },
      data: {},
    });
    expect(answer.status()).toBe(202);
  }
  await expect(signersList(first)).not.toContainText(removed);

  await signInWithPassword(page, E2E_STAFF.editor.email);
  await expectSignedIn(page, E2E_STAFF.editor.email);
  await page
    .getByRole("navigation", { name: "Staff console" })
    .getByRole("link", { name: "Comments" })
    .click();
  const queue = page.getByTestId("comment-queue");
  const keptEntry = queue.getByRole("listitem").filter({ hasText: kept });
  await expect(keptEntry).toContainText("Hidden by 3 reports");
  expect(await axeViolations(page, "staff comments")).toEqual([]);
  await keptEntry.getByRole("button", { name: "Keep and show again" }).click();
  await expect(keptEntry).toContainText("Kept: it is shown on the petition page");
  const removedEntry = queue.getByRole("listitem").filter({ hasText: removed });
  await removedEntry.getByRole("button", { name: "Remove" }).click();
  await expect(removedEntry).toContainText("Removed: it is no longer shown anywhere");

  await expect(signersList(first)).toContainText(kept);
  await expect(signersList(first)).not.toContainText(removed);
  expect(await publicJson(request, slug)).not.toContain(removed);
  // Reports no longer hide a comment staff kept.
  const fourth = await readerAt(browser, "10.78.3.4");
  await fourth.goto(`/petition/${slug}`);
  await commentItem(fourth, kept).getByRole("button", { name: "Report this comment" }).click();
  await expect(commentItem(fourth, kept)).toContainText("already looked at this comment and kept it");

  // Decided, they leave the queue; each decision is in the audit log, on the signature it belongs to.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Comments waiting for you" })).toBeVisible();
  await expect(page.getByText(kept)).toHaveCount(0);
  await page.goto(`/staff/signatures/${removedId}?kind=petition`);
  await expect(page.getByTestId("supporter-history")).toContainText("Comment removed");
});

test("a petition that reviews every comment shows none until an editor approves it", async ({
  page,
  request,
}) => {
  const slug = "e2e-comments-premoderated";
  await signInWithPassword(page, E2E_STAFF.editor.email);
  await expectSignedIn(page, E2E_STAFF.editor.email);
  await page.goto(`/staff/content/petitions/${slug}`);
  await page.getByLabel(/Review every comment before it is shown/).check();
  await page.getByRole("button", { name: "Save the petition" }).click();
  await expect(page.getByTestId("petition-status")).toContainText("comment review");

  const comment = "Please pass the bill.";
  const reader = await page.context().browser()!.newPage();
  await commentAs(request, reader, slug, {
    firstName: "Maya",
    email: "maya@example.org",
    comment,
    ip: "10.79.0.1",
  });
  await reader.goto(`/petition/${slug}`);
  await expect(signersList(reader)).toContainText("Maya");
  await expect(signersList(reader)).not.toContainText(comment);
  expect(await publicJson(request, slug)).not.toContain(comment);

  await page.goto("/staff/comments");
  const entry = page.getByTestId("comment-queue").getByRole("listitem").filter({ hasText: comment });
  await expect(entry).toContainText("Waiting for approval");
  await entry.getByRole("button", { name: "Approve and show" }).click();
  await expect(entry).toContainText("Kept: it is shown on the petition page");
  await expect(signersList(reader)).toContainText(comment);
  expect(await publicJson(request, slug)).toContain(comment);
});
