import { expect, test } from "@playwright/test";
import { E2E_DATED_PETITION, E2E_SUPPORTERS } from "./fixtures";
import { linkIn, waitForMailTo } from "./pages/mailbox";
import { expectThankYou, signOnPage } from "./pages/petition-page";

const PETITION = "/petition/protect-children-online";
const PLEDGE = "/pledge/do-my-part";

test.describe("a petition's or pledge's page", { tag: "@phone" }, () => {
  test("shows one count beside the action, with the goal, and never the staff's pending number", async ({
    page,
  }) => {
    for (const [path, counted, verified] of [
      [PETITION, "verified signatures", E2E_SUPPORTERS.petition.verified],
      [PLEDGE, "people have taken the pledge", E2E_SUPPORTERS.pledge.verified],
    ] as const) {
      await page.goto(path);
      const count = page.getByTestId("live-total");
      await expect(count).toHaveCount(1);
      await expect(count).toContainText(new RegExp(`${verified}\\s*${counted}`));
      await expect(page.getByTestId("goal-progress")).toContainText(`${verified} of a goal of 100`);
      await expect(page.locator("body")).not.toContainText(/waiting for (email )?confirmation|pending/i);
    }
  });

  test("writes the goal and the closing date the reader's way, in English and in Spanish", async ({
    page,
  }) => {
    const path = `/petition/${E2E_DATED_PETITION.slug}`;
    await page.goto(path);
    await expect(page.getByText("May 1, 2099 at 4:00 PM UTC")).toBeVisible();
    await expect(page.getByTestId("goal-progress")).toContainText("12,345");

    await page.goto(`/es${path}`);
    await expect(page.getByText("1 de mayo de 2099 a las 4:00 p.m. UTC")).toBeVisible();
    await expect(page.locator("body")).not.toContainText("May 1, 2099");
    // U.S. Spanish groups thousands with a comma, as its readers' English does (not "12.345"),
    // and the browser writes it the same way once the live count takes over.
    await expect(page.getByTestId("goal-progress")).toContainText("12,345");
  });

  test("a petition nobody has signed yet invites the first signer instead of showing zeros", async ({
    page,
  }) => {
    await page.goto("/petition/e2e-first-signer");
    const count = page.getByTestId("live-total");
    await expect(count).toContainText("Be the first to sign");
    await expect(count).not.toContainText(/\b0\b/);
    await expect(page.getByTestId("signed-today")).toHaveCount(0);
  });
});

test("one signature is counted in the singular, and its signer's place named, in English and in Spanish", async ({
  page,
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "it signs the petition: once is enough");
  const signed = await request.post("/api/petitions/e2e-one-signer/signatures", {
    headers: { "X-Real-IP": "203.0.113.71" },
    data: {
      firstName: "Una",
      lastName: "Sola",
      email: "una.sola@example.org",
      country: "US",
      postalCode: "78205",
      isPublic: true,
      acceptsPrivacy: true,
    },
  });
  expect(signed.status()).toBe(202);
  await page.goto(linkIn(await waitForMailTo(request, "una.sola@example.org"), "/confirm/"));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { name: "Your signature is confirmed" })).toBeVisible();

  await page.goto("/petition/e2e-one-signer");
  const count = page.getByTestId("live-total");
  await expect(count).toHaveAttribute("data-value", "1");
  await expect(count.getByText("verified signature", { exact: true })).toBeVisible();
  await expect(page.getByTestId("recent-signers")).toContainText("Una S., Texas, United States");
  // The signer's place too: stored in English when they signed, its country named the page's way.
  await page.goto("/es/petition/e2e-one-signer");
  await expect(count.getByText("firma verificada", { exact: true })).toBeVisible();
  await expect(page.getByTestId("recent-signers")).toContainText("Una S., Texas, Estados Unidos");
});

test(
  "on a phone, a Sign button is on the first screen and takes the reader to the form",
  { tag: "@phone" },
  async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "phone", "the button is the phone's; wide screens show the form");
    for (const [path, label, firstField] of [
      [PETITION, "Sign the petition", "textbox"],
      [PLEDGE, "Take the pledge", "checkbox"],
    ] as const) {
      await page.goto(path);
      const jump = page.getByRole("link", { name: label }).first();
      const field = page.getByRole(firstField).first();
      await expect(jump).toBeInViewport();
      await expect(field).not.toBeInViewport();
      await jump.click();
      await expect(field).toBeInViewport();
    }
    // Once signed, the button has nothing more to offer and goes.
    await signOnPage(page, "e2e-jump-button", {
      firstName: "Jo",
      lastName: "Button",
      email: "jo.button@example.org",
      postalCode: "20500",
    });
    await expectThankYou(page);
    await expect(page.getByTestId("jump-to-action")).toHaveCount(2);
    await expect(page.getByTestId("jump-to-action").first()).toBeHidden();
    await expect(page.getByTestId("jump-to-action").last()).toBeHidden();
  },
);

test("on a wide screen, the form stays in view beside the story", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === "phone", "the side-by-side layout is the wide screen's");
  await page.goto(PETITION);
  const form = page.getByRole("form", { name: "Add your name" });
  const why = page.getByRole("heading", { name: "Why it matters" });
  // Beside the story, not below it.
  const formBox = (await form.boundingBox())!;
  const whyBox = (await why.boundingBox())!;
  expect(formBox.x).toBeGreaterThan(whyBox.x + whyBox.width);
  // Reading on, the form is pinned below the header while the story moves beside it. How far it
  // can travel depends on how much longer the story is than the form (recent signers lengthen it),
  // so the pin itself is checked, then a first step of scrolling.
  const panel = page.getByTestId("action-panel");
  expect(await panel.evaluate((element) => getComputedStyle(element).position)).toBe("sticky");
  const start = (await panel.boundingBox())!.y;
  const whyBefore = (await why.boundingBox())!.y;
  await page.evaluate((y) => window.scrollTo(0, y), start);
  expect((await why.boundingBox())!.y).toBeCloseTo(whyBefore - start, 0);
  expect((await panel.boundingBox())!.y).toBeGreaterThan(0);
  await expect(form.getByLabel("First name", { exact: true })).toBeInViewport();
});
