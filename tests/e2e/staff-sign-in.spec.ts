import { expect, test } from "@playwright/test";
import { E2E_STAFF, E2E_STAFF_PASSWORD } from "./fixtures";
import { linkIn, waitForMailTo } from "./pages/mailbox";
import { expectSignedIn, signInWithPassword } from "./pages/staff";

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the staff console is tested at desktop size");
});

test("a member signs in with an emailed link, used by a button press and only once", async ({ page, browser }) => {
  const { email } = E2E_STAFF.linkViewer;
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address for a link").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByTestId("link-status")).toContainText("If this address belongs to a member of staff");

  const path = linkIn(await waitForMailTo(page.request, email), "/staff/sign-in/link/");
  // A mail scanner opening the link signs nobody in.
  const scanner = await browser.newContext();
  await (await scanner.newPage()).goto(path);
  await scanner.close();
  await page.goto(path);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectSignedIn(page, email);

  const again = await browser.newContext();
  const second = await again.newPage();
  await second.goto(path);
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second.getByTestId("link-refused")).toBeVisible();
  await again.close();
});

test("an unknown address gets the same answer as a member, and no email", async ({ page }) => {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address for a link").fill("stranger@example.org");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByTestId("link-status")).toContainText("If this address belongs to a member of staff");
  const mailbox = await (await page.request.get("/dev/mailbox?q=stranger%40example.org")).text();
  expect(mailbox).not.toContain("Your Upstand sign-in link");
});

test("after ten failed passwords in 15 minutes an account is refused, even the right password; unknown addresses alike", async ({ page }) => {
  test.setTimeout(120_000);
  for (const email of [E2E_STAFF.throttled.email, "nobody@staff.example"]) {
    for (let i = 0; i < 10; i++) {
      await signInWithPassword(page, email, `wrong password ${i}`);
      await expect(page.getByTestId("password-status")).toContainText("do not match an active account");
    }
    await signInWithPassword(page, email, E2E_STAFF_PASSWORD);
    await expect(page.getByTestId("password-status")).toContainText("Too many failed attempts for this address");
  }
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
});

// Each sign-in below is a real password check and page load; on a busy 2-core machine running
// the rest of the suite beside it, that is a few seconds each.
test("a disabled member is out on their next request", async ({ browser }) => {
  test.setTimeout(60_000);
  const admin = await (await browser.newContext()).newPage();
  await signInWithPassword(admin, E2E_STAFF.admin.email);
  await expectSignedIn(admin, E2E_STAFF.admin.email);
  const member = await (await browser.newContext()).newPage();
  await signInWithPassword(member, E2E_STAFF.toDisable.email);
  await expectSignedIn(member, E2E_STAFF.toDisable.email);

  await admin.goto("/staff/team");
  await admin.getByRole("button", { name: `Disable ${E2E_STAFF.toDisable.email}` }).click();
  await expect(admin.getByTestId("team")).toContainText(/to\.disable@staff\.example\s*viewer\s*disabled/);
  await member.goto("/staff");
  await expect(member).toHaveURL(/\/staff\/sign-in$/);
  await signInWithPassword(member, E2E_STAFF.toDisable.email);
  await expect(member.getByTestId("password-status")).toContainText("do not match an active account");
});

test("an admin on two devices signs out everywhere from one, and the other is out too", async ({ browser }) => {
  test.setTimeout(60_000);
  const { email } = E2E_STAFF.travellingAdmin;
  const [laptop, phone] = [await (await browser.newContext()).newPage(), await (await browser.newContext()).newPage()];
  for (const device of [laptop, phone]) {
    await signInWithPassword(device, email);
    await expectSignedIn(device, email);
  }
  await laptop.goto("/staff/account");
  await laptop.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop).toHaveURL(/\/staff\/sign-in/);
  await phone.goto("/staff");
  await expect(phone).toHaveURL(/\/staff\/sign-in$/);
  await signInWithPassword(phone, email);
  await expectSignedIn(phone, email);
});
