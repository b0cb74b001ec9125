import { expect, test, type Page } from "@playwright/test";
import { DEMO_PETITION } from "@/db/demo-campaign";
import { pickDriver } from "@/db/drivers/pick-driver";
import { parseEnv } from "@/lib/env";
import { startAppServer } from "../helpers/app-server";
import { E2E_STAFF } from "./fixtures";
import { expectSignedIn, signInWithPassword } from "./pages/staff";

const titleOf = (slug: string) => `${DEMO_PETITION.title} (${slug})`;

/**
 * Reads a public page until the server hands out a fresh cached copy (a HIT, not a STALE copy
 * with a re-render behind it): a render already under way when an edit commits may put the
 * old page back for one revalidation window (5 s), so the checks below start from none.
 */
async function readCachedCopy(reader: Page, path: string) {
  await expect(async () => {
    const response = await reader.goto(path);
    expect(response!.headers()["x-nextjs-cache"]).toBe("HIT");
  }).toPass({ timeout: 15_000 });
}

async function openPetitionEditor(page: Page, slug: string) {
  await signInWithPassword(page, E2E_STAFF.editor.email);
  await expectSignedIn(page, E2E_STAFF.editor.email);
  await page.getByRole("link", { name: "Content", exact: true }).click();
  await page.getByRole("link", { name: `Edit the petition “${titleOf(slug)}”` }).click();
  await expect(page.getByRole("heading", { name: "Edit the petition" })).toBeVisible();
}

test("an editor retitles a petition, sets its goal and closes it; the public page shows it", async ({
  page,
  browser,
  request,
}) => {
  const slug = "e2e-content";
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/petition/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(titleOf(slug));
  await expect(reader.getByRole("button", { name: "Sign the petition" })).toBeVisible();

  await openPetitionEditor(page, slug);
  await page.getByLabel("Title", { exact: true }).fill("Protect children online: the edited title");
  await page.getByLabel("Goal (optional)").fill("12,500");
  await page.getByLabel("Open for new signatures").uncheck();
  await readCachedCopy(reader, `/petition/${slug}`);
  await page.getByRole("button", { name: "Save the petition" }).click();
  await expect(page.getByTestId("petition-status")).toHaveText(
    "Saved: title, goal, open or closed. The public pages show it within seconds.",
  );

  // The instance that saved renders the page afresh for its next reader: no waiting at all.
  // (Other instances take a few seconds: the last test below.)
  await reader.reload();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(
    "Protect children online: the edited title",
  );
  await expect(reader.getByText("This petition is closed to new signatures.")).toBeVisible();
  await expect(reader.getByRole("button", { name: "Sign the petition" })).toHaveCount(0);
  // Nobody has signed it yet: the goal is shown, not "0 of".
  await expect(reader.getByTestId("goal-progress")).toContainText("The goal: 12,500 verified signatures");
  const signing = await request.post(`/api/petitions/${slug}/signatures`, {
    data: {
      firstName: "Late",
      lastName: "Signer",
      email: "late.content@example.org",
      country: "US",
      postalCode: "20500",
      acceptsPrivacy: true,
    },
    headers: { "X-Real-IP": "10.77.1.1" },
  });
  expect(signing.status()).toBe(410);

  // Saving again from the same form, without reloading, is not mistaken for someone else's save.
  await page.getByLabel("Goal (optional)").fill("");
  await page.getByRole("button", { name: "Save the petition" }).click();
  await expect(page.getByTestId("petition-status")).toHaveText(
    "Saved: goal. The public pages show it within seconds.",
  );
  await expect(page.getByTestId("open-state")).toHaveText("Closed");
});

test("a save is refused when someone else saved the same petition first, and what was typed stays", async ({
  page,
}) => {
  const slug = "e2e-content-stale";
  await openPetitionEditor(page, slug);
  const other = await page.context().newPage();
  await other.goto(page.url());
  await other.getByLabel("Who is asked to act").fill("The United States Senate");
  await other.getByRole("button", { name: "Save the petition" }).click();
  await expect(other.getByTestId("petition-status")).toContainText("Saved: who is asked.");

  await page.getByLabel("The ask").fill("My own words, typed before I knew.");
  await page.getByRole("button", { name: "Save the petition" }).click();
  await expect(page.getByTestId("petition-status")).toContainText(
    "Someone else saved this after you opened it",
  );
  await expect(page.getByLabel("The ask")).toHaveValue("My own words, typed before I knew.");
  await page.reload();
  await expect(page.getByLabel("Who is asked to act")).toHaveValue("The United States Senate");
  await expect(page.getByLabel("The ask")).toHaveValue(DEMO_PETITION.ask);
});

test("an editor gives a figure its source link, and cannot save it without its attribution", async ({
  page,
  browser,
}) => {
  await signInWithPassword(page, E2E_STAFF.editor.email);
  await expectSignedIn(page, E2E_STAFF.editor.email);
  await page.goto("/staff/content");
  await page.getByRole("link", { name: "Edit the figure teens-educated" }).click();

  await page.getByLabel("Reported by").fill("");
  await page.getByLabel("Link to the source (optional)").fill("https://www.thorn.org/blog/stop-sextortion");
  await page.getByRole("button", { name: "Save the figure" }).click();
  await expect(page.getByText("Enter who reported the figure")).toBeVisible();
  await expect(page.getByTestId("figure-status")).toHaveText(
    "One answer needs your attention. Nothing was saved.",
  );

  await page.getByLabel("Reported by").fill("Thorn");
  const reader = await (await browser.newContext()).newPage();
  for (const path of ["/", "/story/the-figures"]) await readCachedCopy(reader, path);
  await page.getByRole("button", { name: "Save the figure" }).click();
  await expect(page.getByTestId("figure-status")).toHaveText(
    "Saved: source link. The public pages show it within seconds.",
  );

  for (const path of ["/", "/story/the-figures"]) {
    await reader.goto(path);
    const card = reader.getByTestId("impact-figure").filter({ hasText: "Stop Sextortion" });
    // The card's source opens from its date line; the list of sources under the cards links it too.
    await card.getByText("Reported for 2017").click();
    await expect(card.getByRole("link", { name: "Read the source" })).toHaveAttribute(
      "href",
      "https://www.thorn.org/blog/stop-sextortion",
    );
    await expect(
      reader.getByTestId("figure-attribution").getByRole("link", { name: /its 2017 impact report/ }),
    ).toHaveAttribute("href", "https://www.thorn.org/blog/stop-sextortion");
  }
});

test("an editor retires a commitment: the public pledge stops offering it", async ({ page, browser }) => {
  const slug = "e2e-pledge-content";
  await signInWithPassword(page, E2E_STAFF.editor.email);
  await expectSignedIn(page, E2E_STAFF.editor.email);
  await page.goto(`/staff/content/pledges/${slug}`);
  const reader = await (await browser.newContext()).newPage();
  await readCachedCopy(reader, `/pledge/${slug}`);
  await expect(reader.getByTestId("commitment")).toHaveCount(4);
  const commitment = page.getByRole("article", { name: "Commitment: Share this campaign with three people" });
  await commitment.getByRole("button", { name: "Retire this commitment" }).click();
  await expect(commitment).toContainText("Retired: not offered to new takers.");

  await reader.reload();
  await expect(reader.getByTestId("commitment")).toHaveCount(3);
  await expect(reader.getByText("Share this campaign with three people")).toHaveCount(0);
});

test("a commitment whose title is taken is refused on its title, and what was typed stays", async ({
  page,
}) => {
  await signInWithPassword(page, E2E_STAFF.editor.email);
  await expectSignedIn(page, E2E_STAFF.editor.email);
  await page.goto("/staff/content/pledges/e2e-pledge-content");
  const form = page.getByRole("form", { name: "Add a commitment" });
  // Only the server knows the title is taken (its address, learn-to-report, is the demo's): the browser's checks let it through.
  await form.getByLabel("Commitment", { exact: true }).fill("Learn to report");
  await form.getByLabel("Description").fill("Words of my own that I would hate to type again.");
  await form.getByRole("button", { name: "Add the commitment" }).click();

  const title = form.getByLabel("Commitment", { exact: true });
  await expect(title).toHaveAccessibleDescription(
    /This pledge already has a commitment with this title \(perhaps retired\): reword it/,
  );
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByTestId("new-commitment-status")).toHaveText(
    "One answer needs your attention. Nothing was saved.",
  );
  await expect(title).toHaveValue("Learn to report");
  await expect(form.getByLabel("Description")).toHaveValue(
    "Words of my own that I would hate to type again.",
  );
});

test("a viewer is not offered the content pages", async ({ page }) => {
  await signInWithPassword(page, E2E_STAFF.viewer.email);
  await expectSignedIn(page, E2E_STAFF.viewer.email);
  await expect(page.getByRole("link", { name: "Content", exact: true })).toHaveCount(0);
  expect((await page.request.get("/staff/content")).status()).toBe(403);
});

test("another app process shows an edit by itself", { tag: "@engine" }, async ({ page }) => {
  test.skip(pickDriver(parseEnv(process.env)) !== "pg", "the embedded database belongs to one process");
  const slug = "e2e-content-instances";
  const second = await startAppServer({ TRUSTED_PROXY_HEADER: "x-real-ip" });
  try {
    const title = async () =>
      /<h1[^>]*>([^<]*)<\/h1>/.exec(await (await fetch(`${second.url}/petition/${slug}`)).text())?.[1];
    expect(await title()).toBe(titleOf(slug));
    await openPetitionEditor(page, slug);
    await page.getByLabel("Title", { exact: true }).fill("Seen by every instance");
    await page.getByRole("button", { name: "Save the petition" }).click();
    await expect(page.getByTestId("petition-status")).toContainText("Saved: title.");
    // Five seconds' revalidation and a render under a loaded suite: a guard against hangs, not
    // a promise; how soon an edit shows is a figure of `npm run bench:content`.
    await expect.poll(title, { timeout: 30_000, intervals: [250] }).toBe("Seen by every instance");
  } finally {
    await second.stop();
  }
});
