import { expect, test, type Page } from "@playwright/test";
import { DEMO_PETITION } from "@/db/demo-campaign";
import { DEMO_STORY } from "@/db/demo-story";
import { E2E_STAFF } from "./fixtures";
import { expectSignedIn, signInWithPassword } from "./pages/staff";
import { axeViolations } from "./pages/axe";

const SLUG = "e2e-content-spanish";
const TITLE = `${DEMO_PETITION.title} (${SLUG})`;
const SPANISH = DEMO_PETITION.translations!.es!;

async function openPetitionEditor(page: Page) {
  await signInWithPassword(page, E2E_STAFF.editor.email);
  await expectSignedIn(page, E2E_STAFF.editor.email);
  await page.goto("/staff/content");
  await page.getByRole("link", { name: `Edit the petition “${TITLE}”` }).click();
  await expect(page.getByRole("heading", { name: "Edit the petition" })).toBeVisible();
}

/** The row of the content list that names this petition. */
const listedRow = (page: Page) =>
  page
    .getByTestId("petition-content")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: TITLE }) });

test("an editor writes the Spanish title beside the English one; /es shows it, and English where the Spanish is empty", async ({
  page,
  browser,
}) => {
  await openPetitionEditor(page);
  const englishTitle = page.getByLabel("Title", { exact: true });
  const spanishTitle = page.getByLabel("Spanish: Título");
  const spanishAsk = page.getByLabel("Spanish: Lo que pedimos");
  await expect(spanishTitle).toHaveValue(SPANISH.title!);
  await expect(spanishTitle).toHaveAttribute("lang", "es");
  // Side by side on a wide screen: the Spanish beside the English, on the same line.
  const [english, spanish] = [await englishTitle.boundingBox(), await spanishTitle.boundingBox()];
  expect(spanish!.x).toBeGreaterThan(english!.x + english!.width);
  expect(Math.abs(spanish!.y - english!.y)).toBeLessThan(english!.height);

  await spanishTitle.fill("Protejamos a los niños en internet");
  await spanishAsk.fill("");
  // An empty translation is marked as soon as it is emptied.
  await expect(page.getByText("Missing: readers see the English.")).toHaveCount(1);
  await expect(spanishAsk).toHaveAccessibleDescription(/Missing: readers see the English/);
  await page.getByRole("button", { name: "Save the petition" }).click();
  await expect(page.getByTestId("petition-status")).toHaveText(
    "Saved: title (Spanish), the ask (Spanish). The public pages show it within seconds.",
  );

  const reader = await (await browser.newContext()).newPage();
  await expect(async () => {
    await reader.goto(`/es/petition/${SLUG}`);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Protejamos a los niños en internet", {
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });
  // The ask has no Spanish now: its readers see the English, and the rest stays in Spanish.
  await expect(reader.getByText(DEMO_PETITION.ask)).toBeVisible();
  await expect(reader.getByText(SPANISH.background!.split("\n\n")[0]!)).toBeVisible();
  // English readers are not affected.
  await reader.goto(`/petition/${SLUG}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(TITLE);

  await page.goto("/staff/content");
  await expect(listedRow(page).getByRole("cell").filter({ hasText: "Spanish:" })).toHaveText(
    "Spanish: 1 of 4 fields missing",
  );
  await expect(
    page.getByTestId("story-content").getByRole("row").nth(1).getByText("Spanish: complete"),
  ).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("at 390 px the edit pages stack English over Spanish, never scroll sideways, and pass axe", async ({
    page,
  }) => {
    // A guard against a hang: four pages, each scanned by axe, on two loaded cores.
    test.setTimeout(180_000);
    await signInWithPassword(page, E2E_STAFF.editor.email);
    await expectSignedIn(page, E2E_STAFF.editor.email);
    for (const [path, heading, english, spanish] of [
      [`/staff/content/petitions/${SLUG}`, "Edit the petition", "Title", "Spanish: Título"],
      ["/staff/content/pledges/e2e-pledge-content", "Edit the pledge", "Title", "Spanish: Título"],
      ["/staff/content/figures/teens-educated", "Edit the figure", "Unit", "Spanish: Unidad"],
      [`/staff/content/story/${DEMO_STORY[0]!.slug}`, "Edit part 1 of the story", "Title", "Spanish: Título"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
      const englishBox = await page.getByLabel(english, { exact: true }).boundingBox();
      const spanishBox = await page.getByLabel(spanish).boundingBox();
      expect(spanishBox!.y, path).toBeGreaterThan(englishBox!.y + englishBox!.height);
      expect(spanishBox!.x + spanishBox!.width, path).toBeLessThanOrEqual(390);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.scrollingElement!.scrollWidth,
        clientWidth: document.scrollingElement!.clientWidth,
      }));
      expect(scrollWidth, `${path} is wider than the screen`).toBeLessThanOrEqual(clientWidth);
      expect(await axeViolations(page), path).toEqual([]);
    }
  });
});
