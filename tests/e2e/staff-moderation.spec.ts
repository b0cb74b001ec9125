import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_STAFF } from "./fixtures";
import { linkIn, waitForMailTo } from "./pages/mailbox";
import { totals } from "./pages/petition-page";
import { expectSignedIn, signInWithPassword } from "./pages/staff";
import { axeViolations } from "./pages/axe";

/** Signs through the public API from `ip`, and confirms through the emailed link unless told not to. */
async function sign(
  page: Page,
  request: APIRequestContext,
  slug: string,
  person: { firstName: string; email: string; ip: string },
  isConfirmed = true,
) {
  const response = await request.post(`/api/petitions/${slug}/signatures`, {
    headers: { "X-Real-IP": person.ip },
    data: {
      firstName: person.firstName,
      lastName: "Moderated",
      email: person.email,
      country: "US",
      postalCode: "20500",
      acceptsPrivacy: true,
    },
  });
  expect(response.status()).toBe(202);
  if (!isConfirmed) return;
  await page.goto(linkIn(await waitForMailTo(request, person.email), "/confirm/"));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: "Your signature is confirmed" })).toBeVisible();
}

/** Searches as an editor would, from the console's navigation, and opens the one result. */
async function findAndOpen(page: Page, slug: string, email: string) {
  await page
    .getByRole("navigation", { name: "Staff console" })
    .getByRole("link", { name: "Signatures" })
    .click();
  await page.getByLabel("Look in").selectOption(`petition:${slug}`);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const results = page.getByTestId("supporters");
  await expect(results.getByRole("row")).toHaveCount(2);
  await expect(results).toContainText(email);
  await results.getByRole("link").click();
}

const verifiedOn = (page: Page) =>
  page
    .getByTestId("live-total")
    .filter({ hasText: /verified signatures?/ })
    .first();

test("an editor finds a signature, rejects it with a reason, the public total drops, and restores it", async ({
  page,
  request,
  browser,
}) => {
  const slug = "e2e-moderation";
  const email = "rejected.then.restored@example.org";
  await sign(page, request, slug, { firstName: "Rhea", email, ip: "10.88.0.1" });
  const watcher = await (await browser.newContext()).newPage();
  await watcher.goto(`/petition/${slug}`);
  const publicTotal = verifiedOn(watcher);
  await expect(publicTotal).toHaveAttribute("data-value", "1");

  await signInWithPassword(page, E2E_STAFF.editor.email);
  await expectSignedIn(page, E2E_STAFF.editor.email);
  await findAndOpen(page, slug, "rejected.then");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Signature of Rhea Moderated");
  await expect(page.getByTestId("supporter-facts")).toContainText("10.88.0.1");
  await expect(page.getByTestId("supporter-state")).toHaveText("verified");

  await page.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(page.getByText("Give a reason")).toBeVisible();
  await expect(page.getByLabel("Reason")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("supporter-state")).toHaveText("verified");

  await page.getByLabel("Reason").fill("Signed for a friend without asking");
  await page.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(page.getByTestId("state-change-status")).toHaveText(
    "Rejected. It no longer counts toward the public total.",
  );
  await expect(page.getByTestId("supporter-state")).toHaveText("rejected");
  await expect(page.getByTestId("supporter-history")).toContainText(`Rejected by ${E2E_STAFF.editor.email}`);
  await expect(page.getByTestId("supporter-history")).toContainText("Signed for a friend without asking");
  // The public page follows by itself, without a reload.
  await expect(publicTotal).toHaveAttribute("data-value", "0");
  expect((await totals(request, slug)).verified).toBe(0);

  await page.getByLabel("Reason").fill("The friend confirmed they agree");
  await page.getByRole("button", { name: "Restore", exact: true }).click();
  await expect(page.getByTestId("state-change-status")).toHaveText(
    "Restored: verified again, and counted in the public total.",
  );
  await expect(page.getByTestId("supporter-state")).toHaveText("verified");
  await expect(publicTotal).toHaveAttribute("data-value", "1");
});

test("an editor rejects a flood from one network after a preview, and a stale preview rejects nothing", async ({
  page,
  request,
}) => {
  const slug = "e2e-moderation-bulk";
  for (let i = 1; i <= 3; i++)
    await sign(
      page,
      request,
      slug,
      { firstName: `Bot${i}`, email: `bot${i}@flood.example`, ip: `10.99.0.${i}` },
      false,
    );
  await sign(
    page,
    request,
    slug,
    { firstName: "Neighbour", email: "neighbour@example.org", ip: "10.98.0.1" },
    false,
  );
  expect((await totals(request, slug)).pending).toBe(4);

  await signInWithPassword(page, E2E_STAFF.editor.email);
  await expectSignedIn(page, E2E_STAFF.editor.email);
  await page.goto("/staff/signatures");
  await page.getByRole("link", { name: "Reject in bulk by rule" }).click();
  await page.getByLabel("Petition or pledge").selectOption(`petition:${slug}`);
  await page.getByLabel("IP range").fill("10.99.0.0/24");
  await page.getByLabel("or email domain").fill("flood.example");
  const utcMinute = (offset: number) => new Date(Date.now() + offset).toISOString().slice(0, 16);
  await page.getByLabel("Signed from (UTC)").fill(utcMinute(-3_600_000));
  await page.getByLabel("Signed before (UTC)").fill(utcMinute(3_600_000));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("Give either an IP range or an email domain (one of the two)")).toBeVisible();
  await expect(page.getByTestId("bulk-preview-count")).toHaveCount(0);

  await page.getByLabel("or email domain").fill("");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("bulk-preview-count")).toHaveText(
    "This rule selects 3 pending, held or verified rows",
  );
  await expect(page.getByTestId("supporters")).toContainText("bot3@flood.example");
  await expect(page.getByTestId("supporters")).not.toContainText("neighbour@example.org");

  // One more arrives from the same network between the preview and the button.
  await sign(page, request, slug, { firstName: "Bot4", email: "bot4@flood.example", ip: "10.99.0.4" }, false);
  await page.getByLabel("Reason").fill("One script, many addresses in 10.99.0.0/24");
  await page.getByRole("button", { name: "Reject 3" }).click();
  await expect(page.getByTestId("bulk-status")).toContainText(
    "Nothing was rejected: the rule now selects 4, not the 3 previewed",
  );
  expect((await totals(request, slug)).pending).toBe(5);
  await expect(page.getByTestId("bulk-preview-count")).toHaveText(
    "This rule selects 4 pending, held or verified rows",
  );

  await page.getByLabel("Reason").fill("One script, many addresses in 10.99.0.0/24");
  await page.getByRole("button", { name: "Reject 4" }).click();
  await expect(page.getByTestId("bulk-status")).toHaveText(
    "Rejected 4. Each left the public total if it was in it.",
  );
  expect((await totals(request, slug)).pending).toBe(1);
});

test("an editor erases a person's data on request, after a clear warning; the count stays", async ({
  page,
  request,
}) => {
  const slug = "e2e-moderation-erase";
  const email = "erase.me.please@example.org";
  await sign(page, request, slug, { firstName: "Erin", email, ip: "10.77.7.7" });
  expect((await totals(request, slug)).verified).toBe(1);

  await signInWithPassword(page, E2E_STAFF.editor.email);
  await expectSignedIn(page, E2E_STAFF.editor.email);
  await findAndOpen(page, slug, email);
  await page.getByRole("button", { name: "Erase…" }).click();
  await expect(page.getByRole("heading", { name: "This cannot be undone" })).toBeFocused();
  await expect(page.getByText("Gone for good:")).toBeVisible();
  await page.getByLabel("How they asked").fill("Emailed the campaign asking to be forgotten");
  await page.getByRole("button", { name: "Erase for good" }).click();
  const tick = page.getByLabel("I understand that this cannot be undone");
  await expect(tick).toHaveAccessibleDescription("Tick the box to confirm that this cannot be undone");
  await expect(tick).toHaveAttribute("aria-invalid", "true");
  // The reason typed before the refusal is still there: nothing to type again.
  await expect(page.getByLabel("How they asked")).toHaveValue("Emailed the campaign asking to be forgotten");
  await expect(page.getByTestId("supporter-facts")).toContainText(email);

  await page.getByLabel("I understand that this cannot be undone").check();
  await page.getByRole("button", { name: "Erase for good" }).click();
  await expect(page.getByTestId("erase-status")).toHaveText(
    "Erased. Their name, email, postal code and IP address are gone for good.",
  );
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Signature (erased)");
  const facts = page.getByTestId("supporter-facts");
  for (const gone of [email, "Erin", "10.77.7.7", "20500"]) await expect(facts).not.toContainText(gone);
  await expect(page.getByTestId("supporter-state")).toHaveText("verified");
  expect((await totals(request, slug)).verified).toBe(1);

  await page.goto(`/staff/signatures?scope=petition:${slug}&email=erase.me`);
  await expect(page.getByTestId("search-status")).toHaveText("Nothing matches this search.");
});

test("a viewer is not offered moderation", async ({ page }) => {
  await signInWithPassword(page, E2E_STAFF.viewer.email);
  await expectSignedIn(page, E2E_STAFF.viewer.email);
  await expect(page.getByRole("link", { name: "Signatures" })).toHaveCount(0);
  const response = await page.request.get("/staff/signatures?email=example.org");
  expect(response.status()).toBe(403);
  expect(await response.text()).not.toContain("@example.org");
});

test("the moderation pages have no accessibility violations, the erase warning open", async ({ page }) => {
  // Several full axe scans: on a 2-core machine running the rest of the suite, well over 30 s.
  test.setTimeout(120_000);
  const violations = (where: string) => axeViolations(page, where);
  await signInWithPassword(page, E2E_STAFF.editor.email);
  await expectSignedIn(page, E2E_STAFF.editor.email);
  // Read only: the seeded supporters of the demo petition, and a preview that is never confirmed.
  await page.goto("/staff/signatures?ip=not-an-address");
  await expect(page.getByText("Enter an IP address like 203.0.113.7")).toBeVisible();
  const found = [...(await violations("search with an error"))];
  await page.goto("/staff/signatures?email=petition-verified-");
  found.push(...(await violations("search results")));
  await page.getByTestId("supporters").getByRole("link").first().click();
  await page.getByRole("button", { name: "Erase…" }).click();
  found.push(...(await violations("a signature, erase open")));
  const minute = (offset: number) => new Date(Date.now() + offset).toISOString().slice(0, 16);
  await page.goto(
    `/staff/signatures/bulk?target=petition:protect-children-online&ip=&domain=example.org&from=2000-01-01T00:00&to=${minute(60_000)}`,
  );
  await expect(page.getByTestId("bulk-preview-count")).toHaveText(
    /^This rule selects \d+ pending, held or verified rows$/,
  );
  await expect(page.getByTestId("supporters")).toBeVisible();
  found.push(...(await violations("a bulk preview")));
  expect(found).toEqual([]);
});
